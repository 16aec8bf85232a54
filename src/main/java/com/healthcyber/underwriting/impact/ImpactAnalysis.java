package com.healthcyber.underwriting.impact;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.audit.StoredDecision;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.LiveGuideline;
import com.healthcyber.underwriting.engine.RuleEvaluationException;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.guideline.Guideline;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replays stored decisions on a ruleset and counts what would change. Used by the service
 * (active or candidate rules) and by the impact command.
 *
 * <p>The calling thread walks the record, oldest first, and hands the stored decisions in
 * batches to a few workers through a bounded queue; each worker reads (strictly, as the service
 * reads a request) and evaluates its batches and keeps its own counters. A replay is microseconds
 * of engine time beside the read of the stored body, so the walk and the reads are what the
 * workers share out. The walk waits while the queue is full, so memory holds at most
 * {@link #recordsInFlight()} stored decisions however long the history is. The counters are added
 * up at the end and the samples are the first in the walk's order, so the report is the same
 * whatever the workers' interleaving.
 */
public final class ImpactAnalysis {

    static final int SAMPLE_SIZE = 20;
    /** Stored decisions a worker takes at a time: one hand-over per batch, not per decision. */
    static final int BATCH_SIZE = 256;
    /** Batches waiting for a worker, at most: enough that a worker never waits for a slow fetch. */
    static final int QUEUED_BATCHES = 8;

    private final DecisionRepository records;
    private final ApplicationReader reader;
    private final int workers;
    private final int batchSize;
    private final int queuedBatches;

    /** One worker per core: the walk itself mostly waits for the database, which has cores to use too. */
    public ImpactAnalysis(DecisionRepository records, ApplicationReader reader) {
        this(records, reader, Runtime.getRuntime().availableProcessors(), BATCH_SIZE, QUEUED_BATCHES);
    }

    ImpactAnalysis(
            DecisionRepository records, ApplicationReader reader, int workers, int batchSize, int queuedBatches) {
        if (workers < 1 || batchSize < 1 || queuedBatches < 1) {
            throw new IllegalArgumentException("workers, batch size and queue bound must be positive");
        }
        this.records = records;
        this.reader = reader;
        this.workers = workers;
        this.batchSize = batchSize;
        this.queuedBatches = queuedBatches;
    }

    /** Stored decisions held at once, at most: the queue's batches, one per worker, and the one the walk fills. */
    int recordsInFlight() {
        return (queuedBatches + workers + 1) * batchSize;
    }

    /** Every selected decision replayed on a ruleset outside any guideline version (a candidate directory). */
    public ImpactReport run(ReplaySelection selection, RuleSet rules, String rulesLabel) {
        return run(selection, new LiveGuideline(new Guideline(rulesLabel, "", List.of()), rules), rulesLabel);
    }

    /** Every selected decision replayed on {@code rules}, a candidate or one version. */
    public ImpactReport run(ReplaySelection selection, LiveGuideline rules, String rulesLabel) {
        return run(selection, ReplayRules.always(rules), rulesLabel);
    }

    /** Each selected decision replayed on the rules {@code rules} chooses for it. */
    public ImpactReport run(ReplaySelection selection, ReplayRules rules, String rulesLabel) {
        long started = System.nanoTime();
        Replayers replayers = new Replayers(rules, selection.maxDecisions());
        int seen;
        try {
            // One past the maximum tells whether the selection held more than was replayed.
            ReplaySelection walk = selection.withMaxDecisions(selection.maxDecisions() + 1);
            seen = records.walk(walk, replayers::accept);
            replayers.flush();
        } catch (RuntimeException | Error e) {
            replayers.abandon();
            throw e;
        } finally {
            replayers.finish();
        }
        replayers.rethrowFailure();
        Tally tally = replayers.total();
        List<ImpactReport.RulesUsed> used = tally.rulesUsed();
        return new ImpactReport(
                rulesLabel,
                used.size() == 1 ? used.get(0).rulesetVersion() : null,
                used,
                selection.decidedFrom(),
                selection.decidedTo(),
                selection.product(),
                selection.guidelineVersion(),
                selection.maxDecisions(),
                tally.replayed,
                tally.changed,
                tally.notReplayable,
                seen > selection.maxDecisions(),
                tally.transitions(),
                tally.authority.transitions(),
                Tally.counts(tally.added),
                Tally.counts(tally.removed),
                Tally.ids(tally.sample),
                Tally.ids(tally.notReplayableSample),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads and evaluates one stored decision, into the worker's own tally. */
    private void replay(long position, StoredDecision stored, ReplayRules rules, Tally tally) {
        Optional<LiveGuideline> chosen;
        Verdict now;
        try {
            Application application = reader.read(stored.requestBody());
            chosen = rules.forApplication(application);
            if (chosen.isEmpty()) {
                tally.notReplayable(position, stored.decisionId());
                return;
            }
            now = Verdict.of(chosen.get().ruleSet().evaluate(application));
        } catch (InvalidApplicationException | RuleEvaluationException e) {
            tally.notReplayable(position, stored.decisionId());
            return;
        }
        tally.replayed(position, stored, now, chosen.get());
    }

    /** One batch of the walk: its decisions, and the walk position of the first. */
    private record Batch(long first, List<StoredDecision> decisions) {}

    /** Tells a worker that the walk has ended. */
    private static final Batch END = new Batch(-1, List.of());

    /**
     * The walk's side (batches {@link #accept}ed on the calling thread) and the workers'. A
     * worker that fails keeps taking batches, unread, until the end, so the walk never waits on a
     * queue nobody empties; the walk stops at the next batch and the failure is thrown.
     */
    private final class Replayers {
        private final ReplayRules rules;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(queuedBatches);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Tally> tallies = new ArrayList<>();
        /** The selection's maximum: the walk reads one more, which only tells that there were more. */
        private final int limit;

        private volatile boolean abandoned;
        private List<StoredDecision> filling = new ArrayList<>(batchSize);
        /** Walk position of the first decision in {@link #filling}. */
        private long position;

        private boolean ended;

        Replayers(ReplayRules rules, int limit) {
            this.rules = rules;
            this.limit = limit;
            for (int i = 1; i <= workers; i++) {
                Tally tally = new Tally();
                tallies.add(tally);
                Thread thread = new Thread(() -> work(tally), "impact-replay-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
        }

        void accept(StoredDecision stored) {
            if (position + filling.size() >= limit) {
                return;
            }
            filling.add(stored);
            if (filling.size() == batchSize) {
                flush();
            }
        }

        void flush() {
            if (filling.isEmpty()) {
                return;
            }
            Batch batch = new Batch(position, filling);
            position += filling.size();
            filling = new ArrayList<>(batchSize);
            hand(batch);
        }

        private void hand(Batch batch) {
            rethrowFailure();
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("impact analysis interrupted", e);
            }
        }

        private void work(Tally tally) {
            while (true) {
                Batch batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    // Nothing here interrupts a worker; if something does, it fails the analysis
                    // and drains like any other failure, so the walk is not left waiting.
                    failure.compareAndSet(null, e);
                    continue;
                }
                if (batch == END) {
                    return;
                }
                if (abandoned || failure.get() != null) {
                    continue;
                }
                try {
                    long at = batch.first();
                    for (StoredDecision stored : batch.decisions()) {
                        replay(at++, stored, rules, tally);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }
        }

        /** The walk failed: what is queued is not worth reading. */
        void abandon() {
            abandoned = true;
        }

        /** Ends the workers, whether the walk ended or failed, and waits for them. */
        void finish() {
            if (ended) {
                return;
            }
            ended = true;
            boolean interrupted = Thread.interrupted();
            try {
                for (int i = 0; i < threads.size(); i++) {
                    while (true) {
                        try {
                            queue.put(END);
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
                for (Thread thread : threads) {
                    while (true) {
                        try {
                            thread.join();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void rethrowFailure() {
            Throwable failed = failure.get();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            if (failed != null) {
                throw new IllegalStateException("impact analysis failed", failed);
            }
        }

        Tally total() {
            Tally total = new Tally();
            tallies.forEach(total::add);
            return total;
        }
    }

    /** A worker's counters, and the first few of its ids by walk position; added up at the end. */
    static final class Tally {
        int replayed;
        int changed;
        int notReplayable;
        final Map<Outcome, Map<Outcome, Integer>> transitions = new EnumMap<>(Outcome.class);
        final Map<String, Integer> added = new HashMap<>();
        final Map<String, Integer> removed = new HashMap<>();
        final List<Positioned> sample = new ArrayList<>();
        final List<Positioned> notReplayableSample = new ArrayList<>();
        /** Replays by the guideline version and ruleset that made them. */
        final Map<List<String>, Integer> rulesUsed = new HashMap<>();

        final AuthorityShifts authority = new AuthorityShifts();

        /** A decision id with its place in the walk, by which samples are ordered. */
        record Positioned(long position, String decisionId) {}

        void notReplayable(long position, String decisionId) {
            notReplayable++;
            keep(notReplayableSample, new Positioned(position, decisionId));
        }

        /** Compared as a single replay compares ({@code decision.Replay}): the outcome, and the codes as sets. */
        void replayed(long position, StoredDecision stored, Verdict now, LiveGuideline rules) {
            replayed++;
            rulesUsed.merge(List.of(rules.version(), rules.ruleSet().version()), 1, Integer::sum);
            transitions
                    .computeIfAbsent(stored.outcome(), from -> new EnumMap<>(Outcome.class))
                    .merge(now.outcome(), 1, Integer::sum);
            AuthorityLevel authorityNow = now.requiredAuthority().orElse(null);
            boolean authorityChanged = authority.add(stored.outcome(), stored.requiredAuthority(), authorityNow);
            Set<String> before = new TreeSet<>(stored.reasonCodes());
            Set<String> after = new TreeSet<>(now.codes());
            boolean codesChanged = false;
            for (String code : after) {
                if (!before.contains(code)) {
                    added.merge(code, 1, Integer::sum);
                    codesChanged = true;
                }
            }
            for (String code : before) {
                if (!after.contains(code)) {
                    removed.merge(code, 1, Integer::sum);
                    codesChanged = true;
                }
            }
            if (codesChanged || authorityChanged || stored.outcome() != now.outcome()) {
                changed++;
                keep(sample, new Positioned(position, stored.decisionId()));
            }
        }

        /**
         * A worker sees its decisions in walk order (it takes batches in queue order), so its
         * first {@link #SAMPLE_SIZE} are the earliest it has; the earliest of all are among those.
         */
        private static void keep(List<Positioned> sample, Positioned id) {
            if (sample.size() < SAMPLE_SIZE) {
                sample.add(id);
            }
        }

        void add(Tally other) {
            replayed += other.replayed;
            changed += other.changed;
            notReplayable += other.notReplayable;
            other.transitions.forEach((from, tos) -> tos.forEach((to, count) -> transitions
                    .computeIfAbsent(from, key -> new EnumMap<>(Outcome.class))
                    .merge(to, count, Integer::sum)));
            other.added.forEach((code, count) -> added.merge(code, count, Integer::sum));
            other.rulesUsed.forEach((key, count) -> rulesUsed.merge(key, count, Integer::sum));
            authority.add(other.authority);
            other.removed.forEach((code, count) -> removed.merge(code, count, Integer::sum));
            sample.addAll(other.sample);
            notReplayableSample.addAll(other.notReplayableSample);
        }

        /** By guideline version, then fingerprint. */
        List<ImpactReport.RulesUsed> rulesUsed() {
            return rulesUsed.entrySet().stream()
                    .map(entry -> new ImpactReport.RulesUsed(
                            entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
                    .sorted(Comparator.comparing(ImpactReport.RulesUsed::guidelineVersion)
                            .thenComparing(ImpactReport.RulesUsed::rulesetVersion))
                    .toList();
        }

        List<ImpactReport.Transition> transitions() {
            List<ImpactReport.Transition> list = new ArrayList<>();
            transitions.forEach(
                    (from, tos) -> tos.forEach((to, count) -> list.add(new ImpactReport.Transition(from, to, count))));
            return list;
        }

        /** The earliest {@link #SAMPLE_SIZE} of the workers' samples, oldest first. */
        static List<String> ids(List<Positioned> samples) {
            return samples.stream()
                    .sorted(Comparator.comparingLong(Positioned::position))
                    .limit(SAMPLE_SIZE)
                    .map(Positioned::decisionId)
                    .toList();
        }

        /** Most frequent first. */
        static List<ImpactReport.CodeCount> counts(Map<String, Integer> byCode) {
            return byCode.entrySet().stream()
                    .map(entry -> new ImpactReport.CodeCount(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingInt(ImpactReport.CodeCount::count)
                            .reversed()
                            .thenComparing(ImpactReport.CodeCount::code))
                    .toList();
        }
    }
}
