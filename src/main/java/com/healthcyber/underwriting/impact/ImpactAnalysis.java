package com.healthcyber.underwriting.impact;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.decision.Replay;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleEvaluationException;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays stored decisions on a ruleset and counts what would change. It walks the record a page
 * at a time and keeps only counters and a bounded sample, so the history's size does not matter
 * to memory. Used by the service (active or candidate rules) and by the impact command.
 */
public final class ImpactAnalysis {

    static final int SAMPLE_SIZE = 20;

    private final DecisionRepository records;
    private final ApplicationReader reader;

    public ImpactAnalysis(DecisionRepository records, ApplicationReader reader) {
        this.records = records;
        this.reader = reader;
    }

    public ImpactReport run(ReplaySelection selection, RuleSet rules, String rulesLabel) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        // One past the maximum tells whether the selection held more than was replayed.
        ReplaySelection walk = new ReplaySelection(
                selection.decidedFrom(), selection.decidedTo(), selection.product(), selection.maxDecisions() + 1);
        int seen = records.walk(walk, record -> {
            if (tally.replayed + tally.notReplayable < selection.maxDecisions()) {
                tally.add(record, replay(record, rules));
            }
        });
        return new ImpactReport(
                rulesLabel,
                rules.version(),
                selection.decidedFrom(),
                selection.decidedTo(),
                selection.product(),
                selection.maxDecisions(),
                tally.replayed,
                tally.changed,
                tally.notReplayable,
                seen > selection.maxDecisions(),
                tally.transitions(),
                tally.authority.transitions(),
                Tally.counts(tally.added),
                Tally.counts(tally.removed),
                List.copyOf(tally.sample),
                List.copyOf(tally.notReplayableSample),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Null when the stored request cannot be evaluated today. */
    private Replay replay(DecisionRecord record, RuleSet rules) {
        try {
            var application = reader.read(record.requestBody());
            return Replay.of(record, Verdict.of(rules.evaluate(application)), rules.version());
        } catch (InvalidApplicationException | RuleEvaluationException e) {
            return null;
        }
    }

    private static final class Tally {
        int replayed;
        int changed;
        int notReplayable;
        final Map<Outcome, Map<Outcome, Integer>> transitions = new EnumMap<>(Outcome.class);
        final AuthorityShifts authority = new AuthorityShifts();
        final Map<String, Integer> added = new TreeMap<>();
        final Map<String, Integer> removed = new TreeMap<>();
        final List<String> sample = new ArrayList<>();
        final List<String> notReplayableSample = new ArrayList<>();

        void add(DecisionRecord record, Replay replay) {
            if (replay == null) {
                notReplayable++;
                if (notReplayableSample.size() < SAMPLE_SIZE) {
                    notReplayableSample.add(record.decisionId());
                }
                return;
            }
            replayed++;
            transitions
                    .computeIfAbsent(replay.stored().outcome(), from -> new EnumMap<>(Outcome.class))
                    .merge(replay.replayed().outcome(), 1, Integer::sum);
            authority.add(replay);
            replay.codesAdded().forEach(code -> added.merge(code, 1, Integer::sum));
            replay.codesRemoved().forEach(code -> removed.merge(code, 1, Integer::sum));
            if (replay.changed()) {
                changed++;
                if (sample.size() < SAMPLE_SIZE) {
                    sample.add(record.decisionId());
                }
            }
        }

        List<ImpactReport.Transition> transitions() {
            List<ImpactReport.Transition> list = new ArrayList<>();
            transitions.forEach(
                    (from, tos) -> tos.forEach((to, count) -> list.add(new ImpactReport.Transition(from, to, count))));
            return list;
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
