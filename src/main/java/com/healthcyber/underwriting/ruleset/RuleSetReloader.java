package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.engine.GuidelineSet;
import com.healthcyber.underwriting.engine.LiveGuideline;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.engine.RuleFile;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.engine.RuleSources;
import com.healthcyber.underwriting.guideline.Guideline;
import com.healthcyber.underwriting.guideline.GuidelineCoverage;
import com.healthcyber.underwriting.ruleset.ReloadAttempt.GuidelineReload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts the rules directory live without a restart, one guideline version at a time. Candidates
 * are compiled and verified on one background thread, one reload at a time and never on a request
 * thread. Each version passes its own gate: a broken edit to one version leaves that version's
 * last good rules deciding and every other version untouched. Only a set of versions whose
 * windows decide every application exactly once goes live, and it is swapped in whole.
 */
@ApplicationScoped
public class RuleSetReloader {

    private final RuleEngine engine;
    private final RuleSetLoader loader;
    private final RuleSetVerifier verifier;
    private final GuidelineFolders folders;
    private final Path directory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("rules-reload"));
    /** Verifies the versions of one reload side by side; reloads themselves stay one at a time on {@link #worker}. */
    private final ExecutorService verifiers = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), DaemonThreads.named("rules-verify"));

    private final ReloadHistory history;
    private final MeterRegistry registry;
    private final Map<String, Gauge> versionInfo = new HashMap<>();
    /**
     * Each live version's scenarios as its gate ran them, swapped whole on activation (on the
     * reload thread) and read by request threads: the rules page shows what the live rules were
     * proven on without reading the directory again.
     */
    private volatile Map<String, List<ScenarioStatus>> liveScenarios = Map.of();

    public RuleSetReloader(
            RuleEngine engine,
            UnderwritingConfig config,
            RuleSetLoader loader,
            RuleSetVerifier verifier,
            GuidelineFolders folders,
            MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        this.directory = config.rules().dir();
        this.history = new ReloadHistory(config.rules().reloadHistory());
        this.loader = loader;
        this.verifier = verifier;
        this.folders = folders;
    }

    /** Reloads now and waits for the outcome. */
    public ReloadAttempt reload(ReloadTrigger trigger) {
        Future<ReloadAttempt> attempt = worker.submit(() -> attempt(trigger));
        try {
            return attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reloading rules", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reloading rules failed", e.getCause());
        }
    }

    /** Queues a reload and returns at once (for the directory watcher). */
    public void reloadInBackground(ReloadTrigger trigger) {
        worker.submit(() -> attempt(trigger));
    }

    /** The latest attempts, newest first, at most {@code underwriting.rules.reload-history}. */
    public List<ReloadAttempt> recentAttempts() {
        return history.newestFirst();
    }

    public Path directory() {
        return directory;
    }

    /** The scenarios of each live guideline version as the gate that put it live ran them, by version. */
    public Map<String, List<ScenarioStatus>> liveScenarios() {
        return liveScenarios;
    }

    /** What one version's folder came to in this attempt; {@code next} is what decides its window afterwards. */
    private static final class Outcome {
        final String version;
        ReloadStatus status;
        LiveGuideline live;
        LiveGuideline next;
        String candidateVersion;
        RuleSet candidate;
        /** The gate's results for {@link #candidate}; null when no new rules were verified. */
        List<ScenarioStatus> scenarios;

        private RuleChanges changes;

        Outcome(String version, LiveGuideline live) {
            this.version = version;
            this.live = live;
            this.next = live;
        }

        boolean pending() {
            return status == ReloadStatus.ACCEPTED || status == ReloadStatus.WITHDRAWN;
        }

        /** What going from the live rules to the next ones adds, removes and changes: logged and reported alike. */
        RuleChanges changes() {
            if (changes == null) {
                changes = RuleChanges.between(
                        live == null ? List.of() : live.ruleSet().rules(),
                        next == null ? List.of() : next.ruleSet().rules());
            }
            return changes;
        }

        void reject() {
            status = ReloadStatus.REJECTED;
            next = live;
            scenarios = null;
            if (candidate != null) {
                candidate.retire();
                candidate = null;
            }
        }
    }

    private ReloadAttempt attempt(ReloadTrigger trigger) {
        long started = System.nanoTime();
        Instant at = Instant.now();
        GuidelineSet live = engine.live();
        List<RuleProblem> problems = new ArrayList<>();
        List<FailedScenario> failed = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            problems.addAll(folders.strayFolders(directory));
            // Versions are independent: each is read, compiled and verified on its own core.
            List<GuidelineFolders.Folder> versions = folders.list(directory);
            List<Candidate> candidates = versions.stream()
                    .map(folder -> CompletableFuture.supplyAsync(() -> candidate(folder, live), verifiers))
                    .toList()
                    .stream()
                    .map(CompletableFuture::join)
                    .toList();
            for (Candidate candidate : candidates) {
                outcomes.add(candidate.outcome());
                problems.addAll(candidate.problems());
                failed.addAll(candidate.failed());
            }
        } catch (IOException e) {
            problems.add(new RuleProblem(null, 0, null, e.getMessage()));
            outcomes.forEach(Outcome::reject);
            outcomes.clear();
        } catch (RuntimeException e) {
            Log.errorf(e, "reloading rules from %s failed unexpectedly", directory.toAbsolutePath());
            problems.add(new RuleProblem(null, 0, null, "the reload failed unexpectedly; see the service log"));
            outcomes.forEach(Outcome::reject);
            outcomes.clear();
        }
        if (outcomes.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem(
                    null, 0, null, "holds no guideline version (a folder with a " + GuidelineFolders.DESCRIPTOR + ")"));
        }
        for (LiveGuideline current : live.all()) {
            if (outcomes.stream().noneMatch(outcome -> outcome.version.equals(current.version()))) {
                Outcome removed = new Outcome(current.version(), current);
                removed.status = problems.isEmpty() ? ReloadStatus.WITHDRAWN : ReloadStatus.REJECTED;
                removed.next = removed.status == ReloadStatus.WITHDRAWN ? null : current;
                outcomes.add(removed);
            }
        }
        checkWindows(outcomes, problems);
        boolean refused = !problems.isEmpty() || outcomes.stream().anyMatch(o -> o.status == ReloadStatus.REJECTED);
        if (live.isEmpty() && refused) {
            // Nothing decides yet: a service starts with every version verified or not at all.
            outcomes.forEach(Outcome::reject);
        }
        boolean changed = outcomes.stream().anyMatch(Outcome::pending);
        if (changed) {
            activate(outcomes, live, trigger);
        }
        ReloadStatus status =
                refused ? ReloadStatus.REJECTED : changed ? ReloadStatus.ACCEPTED : ReloadStatus.UNCHANGED;
        ReloadAttempt attempt = new ReloadAttempt(
                trigger,
                status,
                at,
                (System.nanoTime() - started) / 1_000_000,
                List.copyOf(problems),
                List.copyOf(failed),
                outcomes.stream().map(RuleSetReloader::reportOf).toList());
        if (attempt.rejected()) {
            Log.warnf(
                    "rules from %s rejected (%s); %s:%s",
                    directory.toAbsolutePath(),
                    trigger,
                    live.isEmpty() ? "nothing decides" : "the last good rules of each refused version keep deciding",
                    attempt.report());
        }
        history.add(attempt);
        recordMetrics(attempt);
        return attempt;
    }

    /** One version's verdict, with its own problems: candidates are verified side by side. */
    private record Candidate(Outcome outcome, List<RuleProblem> problems, List<FailedScenario> failed) {}

    private Candidate candidate(GuidelineFolders.Folder folder, GuidelineSet live) {
        List<RuleProblem> problems = new ArrayList<>();
        List<FailedScenario> failed = new ArrayList<>();
        try {
            return new Candidate(verify(folder, live, problems, failed), problems, failed);
        } catch (RuntimeException e) {
            // Refused on its own, so the versions that passed are neither lost nor leaked.
            Log.errorf(e, "verifying guideline %s failed unexpectedly", folder.version());
            Outcome refused =
                    new Outcome(folder.version(), live.named(folder.version()).orElse(null));
            refused.reject();
            problems.add(new RuleProblem(
                    null, 0, null, folder.version() + ": the reload failed unexpectedly; see the service log"));
            return new Candidate(refused, problems, failed);
        }
    }

    private Outcome verify(
            GuidelineFolders.Folder folder,
            GuidelineSet live,
            List<RuleProblem> problems,
            List<FailedScenario> failed) {
        Outcome outcome =
                new Outcome(folder.version(), live.named(folder.version()).orElse(null));
        GuidelineFolders.Read read = folders.read(folder);
        List<RuleFile> files;
        try {
            files = loader.read(folder.directory());
        } catch (IOException e) {
            problems.add(new RuleProblem(folder.name(""), 0, null, e.getMessage()));
            outcome.reject();
            return outcome;
        }
        outcome.candidateVersion = RuleSources.version(files);
        if (!read.problems().isEmpty()) {
            problems.addAll(read.problems());
            outcome.reject();
            return outcome;
        }
        Guideline guideline = read.guideline();
        if (outcome.live != null
                && outcome.live.ruleSet().version().equals(outcome.candidateVersion)
                && outcome.live.guideline().sameWindows(guideline)) {
            outcome.status = ReloadStatus.UNCHANGED;
            return outcome;
        }
        if (outcome.live != null && outcome.live.ruleSet().version().equals(outcome.candidateVersion)) {
            // Only the windows moved: the verified rules stay, under their new dates.
            outcome.status = ReloadStatus.ACCEPTED;
            outcome.next = new LiveGuideline(guideline, outcome.live.ruleSet());
            return outcome;
        }
        RuleSetVerifier.Verification verification = verifier.verify(folder.directory(), guideline, files);
        if (!verification.passed()) {
            verification.problems().forEach(problem -> problems.add(named(folder, problem)));
            verification.failures().forEach(failure -> failed.add(named(folder, failure)));
            outcome.reject();
            return outcome;
        }
        outcome.status = ReloadStatus.ACCEPTED;
        outcome.candidate = verification.ruleSet();
        Instant verifiedAt = Instant.now();
        outcome.scenarios = verification.scenarios().stream()
                .map(result -> ScenarioStatus.of(
                        folder.version(),
                        outcome.candidateVersion,
                        verifiedAt,
                        folder.name(result.scenario().file()),
                        result))
                .toList();
        outcome.next = new LiveGuideline(guideline, verification.ruleSet());
        Log.infof(
                "guideline %s: ruleset %s passed (%d rules, %d scenarios; compile %d ms, scenarios %d ms)",
                folder.version(),
                outcome.candidateVersion,
                verification.ruleSet().rules().size(),
                verification.scenarios().size(),
                verification.compileMillis(),
                verification.scenarioMillis());
        return outcome;
    }

    /** The set that would decide must leave no gap and no overlap; else nothing pending goes live. */
    private static void checkWindows(List<Outcome> outcomes, List<RuleProblem> problems) {
        List<Guideline> proposed = outcomes.stream()
                .filter(outcome -> outcome.next != null)
                .map(outcome -> outcome.next.guideline())
                .toList();
        List<String> gaps = GuidelineCoverage.problems(proposed);
        if (gaps.isEmpty()) {
            return;
        }
        gaps.forEach(gap -> problems.add(new RuleProblem(
                null, 0, null, "guideline windows: " + gap + "; every application needs exactly one version")));
        outcomes.stream().filter(Outcome::pending).forEach(Outcome::reject);
    }

    private void activate(List<Outcome> outcomes, GuidelineSet live, ReloadTrigger trigger) {
        List<LiveGuideline> next = outcomes.stream()
                .map(outcome -> outcome.next)
                .filter(guideline -> guideline != null)
                .toList();
        engine.activate(new GuidelineSet(next));
        Map<String, List<ScenarioStatus>> scenarios = new HashMap<>(liveScenarios);
        for (Outcome outcome : outcomes) {
            if (!outcome.pending()) {
                continue;
            }
            if (outcome.next == null) {
                scenarios.remove(outcome.version);
            } else if (outcome.scenarios != null) {
                scenarios.put(outcome.version, outcome.scenarios);
            }
            // Only the windows moved: the rules, and so what they were proven on, stay.
        }
        liveScenarios = Map.copyOf(scenarios);
        for (Outcome outcome : outcomes) {
            if (!outcome.pending()) {
                continue;
            }
            Log.infof(
                    "guideline %s: %s -> %s (%s, windows %s): %s",
                    outcome.version,
                    outcome.live == null ? "none" : outcome.live.ruleSet().version(),
                    outcome.next == null ? "withdrawn" : outcome.next.ruleSet().version(),
                    trigger,
                    outcome.next == null ? "none" : outcome.next.guideline().windows(),
                    outcome.changes());
        }
    }

    private static GuidelineReload reportOf(Outcome outcome) {
        String active = outcome.next == null ? null : outcome.next.ruleSet().version();
        return new GuidelineReload(
                outcome.version,
                outcome.status,
                active,
                outcome.candidateVersion,
                outcome.pending() ? outcome.changes() : null);
    }

    private static RuleProblem named(GuidelineFolders.Folder folder, RuleProblem problem) {
        if (problem.file() == null) {
            // Not in one file: the version it is about goes into the words.
            return new RuleProblem(
                    null,
                    problem.line(),
                    problem.rule(),
                    folder.prefix().isEmpty() ? problem.message() : folder.version() + ": " + problem.message());
        }
        return new RuleProblem(folder.name(problem.file()), problem.line(), problem.rule(), problem.message());
    }

    private static FailedScenario named(GuidelineFolders.Folder folder, FailedScenario failure) {
        return new FailedScenario(
                folder.name(failure.file()),
                failure.name(),
                failure.expectedOutcome(),
                failure.expectedReasons(),
                failure.expectedRequiredAuthority(),
                failure.actualOutcome(),
                failure.actualReasons(),
                failure.actualRequiredAuthority(),
                failure.failure());
    }

    /** Reload counts by status, and each version's fingerprint as an info metric (value 1, labels). */
    private void recordMetrics(ReloadAttempt attempt) {
        Counter.builder("underwriting.ruleset.reloads")
                .description("Attempts to put the rules directory live, by status and trigger")
                .tags(
                        "status",
                        attempt.status().name().toLowerCase(Locale.ROOT),
                        "trigger",
                        attempt.trigger().value())
                .register(registry)
                .increment();
        for (GuidelineReload reload : attempt.guidelines()) {
            if (reload.status() != ReloadStatus.ACCEPTED && reload.status() != ReloadStatus.WITHDRAWN) {
                continue;
            }
            Optional.ofNullable(versionInfo.remove(reload.guidelineVersion())).ifPresent(registry::remove);
            if (reload.activeVersion() != null) {
                versionInfo.put(
                        reload.guidelineVersion(),
                        Gauge.builder("underwriting.ruleset.info", () -> 1)
                                .description("The rulesets deciding now; guideline and fingerprint are the labels")
                                .tags("guideline", reload.guidelineVersion(), "version", reload.activeVersion())
                                .register(registry));
            }
        }
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
        verifiers.shutdownNow();
    }
}
