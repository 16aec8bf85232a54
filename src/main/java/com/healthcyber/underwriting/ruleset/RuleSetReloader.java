package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.engine.RuleDefinition;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.engine.RuleFile;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.engine.RuleSources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts the rules directory live without a restart. Candidates are compiled and verified on one
 * background thread, one at a time and never on a request thread; only a candidate that passes
 * the whole gate replaces the active ruleset, and the swap is atomic.
 */
@ApplicationScoped
public class RuleSetReloader {

    private final RuleEngine engine;
    private final RuleSetLoader loader;
    private final RuleSetVerifier verifier;
    private final Path directory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("rules-reload"));
    private final ReloadHistory history;
    private final MeterRegistry registry;
    private Gauge activeVersionInfo;

    public RuleSetReloader(
            RuleEngine engine,
            UnderwritingConfig config,
            RuleSetLoader loader,
            RuleSetVerifier verifier,
            MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        this.directory = config.rules().dir();
        this.history = new ReloadHistory(config.rules().reloadHistory());
        this.loader = loader;
        this.verifier = verifier;
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

    private ReloadAttempt attempt(ReloadTrigger trigger) {
        long started = System.nanoTime();
        Instant at = Instant.now();
        Optional<RuleSet> active = engine.active();
        String activeVersion = active.map(RuleSet::version).orElse(null);
        ReloadAttempt attempt;
        try {
            List<RuleFile> files = loader.read(directory);
            String candidateVersion = RuleSources.version(files);
            if (candidateVersion.equals(activeVersion)) {
                attempt = new ReloadAttempt(
                        trigger,
                        ReloadStatus.UNCHANGED,
                        at,
                        millisSince(started),
                        activeVersion,
                        candidateVersion,
                        List.of(),
                        List.of(),
                        null);
            } else {
                attempt = verifyAndActivate(trigger, at, started, active, files);
            }
        } catch (IOException e) {
            attempt = new ReloadAttempt(
                    trigger,
                    ReloadStatus.REJECTED,
                    at,
                    millisSince(started),
                    activeVersion,
                    null,
                    List.of(new RuleProblem(null, 0, null, e.getMessage())),
                    List.of(),
                    null);
        } catch (RuntimeException e) {
            Log.errorf(e, "reloading rules from %s failed unexpectedly", directory.toAbsolutePath());
            attempt = new ReloadAttempt(
                    trigger,
                    ReloadStatus.REJECTED,
                    at,
                    millisSince(started),
                    activeVersion,
                    null,
                    List.of(new RuleProblem(null, 0, null, "the reload failed unexpectedly; see the service log")),
                    List.of(),
                    null);
        }
        if (attempt.rejected()) {
            Log.warnf(
                    "rules from %s rejected (%s); %s keeps deciding:%s",
                    directory.toAbsolutePath(),
                    trigger,
                    activeVersion == null ? "no ruleset" : activeVersion,
                    attempt.report());
        }
        history.add(attempt);
        recordMetrics(attempt);
        return attempt;
    }

    /** Reload counts by status, and the active version as an info metric (value 1, version as label). */
    private void recordMetrics(ReloadAttempt attempt) {
        Counter.builder("underwriting.ruleset.reloads")
                .description("Attempts to put the rules directory live, by status and trigger")
                .tags(
                        "status",
                        attempt.status().name().toLowerCase(java.util.Locale.ROOT),
                        "trigger",
                        attempt.trigger().value())
                .register(registry)
                .increment();
        if (attempt.status() == ReloadStatus.ACCEPTED) {
            if (activeVersionInfo != null) {
                registry.remove(activeVersionInfo);
            }
            activeVersionInfo = Gauge.builder("underwriting.ruleset.info", () -> 1)
                    .description("The ruleset deciding now; its version is the label")
                    .tags("version", attempt.activeVersion())
                    .register(registry);
        }
    }

    private ReloadAttempt verifyAndActivate(
            ReloadTrigger trigger, Instant at, long started, Optional<RuleSet> active, List<RuleFile> files) {
        String activeVersion = active.map(RuleSet::version).orElse(null);
        RuleSetVerifier.Verification verification = verifier.verify(directory, files);
        if (!verification.passed()) {
            return new ReloadAttempt(
                    trigger,
                    ReloadStatus.REJECTED,
                    at,
                    millisSince(started),
                    activeVersion,
                    verification.version(),
                    verification.problems(),
                    verification.failures(),
                    null);
        }
        RuleSet next = verification.ruleSet();
        Optional<RuleSet> previous = engine.activate(next);
        List<RuleDefinition> before = previous.map(RuleSet::rules).orElse(List.of());
        RuleChanges changes = RuleChanges.between(before, next.rules());
        // The phases' times are logged because reload-to-live is the debounce plus these two.
        if (previous.isPresent()) {
            Log.infof(
                    "ruleset %s -> %s active (%s, %d rules, %d scenarios passed; compile %d ms, scenarios %d ms): %s",
                    previous.get().version(),
                    next.version(),
                    trigger,
                    next.rules().size(),
                    verification.scenarios().size(),
                    verification.compileMillis(),
                    verification.scenarioMillis(),
                    changes);
        } else {
            Log.infof(
                    "ruleset %s active (%s, %d rules from %s, %d scenarios passed; compile %d ms, scenarios %d ms)",
                    next.version(),
                    trigger,
                    next.rules().size(),
                    directory.toAbsolutePath(),
                    verification.scenarios().size(),
                    verification.compileMillis(),
                    verification.scenarioMillis());
        }
        return new ReloadAttempt(
                trigger,
                ReloadStatus.ACCEPTED,
                at,
                millisSince(started),
                next.version(),
                next.version(),
                List.of(),
                List.of(),
                changes);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
