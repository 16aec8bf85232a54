package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Evaluates applications on the active ruleset and swaps rulesets without stopping. */
@ApplicationScoped
public class RuleEngine {

    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final RuleSetCompiler compiler;
    private final Path directory;

    @Inject
    public RuleEngine(UnderwritingConfig config) {
        this(config.rules().dir(), new RuleSetCompiler(config.rules().sessionPoolSize(), config.rules().executableModel()));
    }

    RuleEngine(Path directory, int sessionPoolSize) {
        this(directory, new RuleSetCompiler(sessionPoolSize));
    }

    private RuleEngine(Path directory, RuleSetCompiler compiler) {
        this.compiler = compiler;
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Compiles the rules directory; the caller decides whether to activate the result. */
    public RuleSet compile() throws InvalidRuleSetException {
        List<RuleFile> files;
        try {
            files = RuleSources.read(directory);
        } catch (IOException e) {
            throw new InvalidRuleSetException(List.of(new RuleProblem(null, 0, null, e.getMessage())));
        }
        return compiler.compile(files);
    }

    /**
     * Makes {@code next} the ruleset new evaluations use, atomically; the previous one is
     * disposed once its in-flight evaluations finish. Returns the previous one (already retired).
     */
    public Optional<RuleSet> activate(RuleSet next) {
        next.markActivated(Instant.now());
        RuleSet previous = active.getAndSet(next);
        if (previous != null) {
            previous.retire();
        }
        return Optional.ofNullable(previous);
    }

    public Optional<RuleSet> active() {
        return Optional.ofNullable(active.get());
    }

    /**
     * Evaluates on the ruleset active when the call starts; a swap during the call does not
     * affect it.
     */
    public Evaluation evaluate(Application application) {
        while (true) {
            RuleSet ruleSet = active.get();
            if (ruleSet == null) {
                throw new NoActiveRuleSetException();
            }
            if (!ruleSet.tryAcquire()) {
                continue; // retired and disposed between the read and the lease: read the newer one
            }
            try {
                long start = System.nanoTime();
                var reasons = ruleSet.evaluate(application);
                return new Evaluation(reasons, ruleSet.version(), System.nanoTime() - start);
            } finally {
                ruleSet.release();
            }
        }
    }

    @PreDestroy
    void shutdown() {
        RuleSet last = active.getAndSet(null);
        if (last != null) {
            last.retire();
        }
    }
}
