package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Evaluates applications on the active ruleset and swaps rulesets without stopping. */
@ApplicationScoped
public class RuleEngine {

    private final AtomicReference<RuleSet> active = new AtomicReference<>();
    private final RuleSetCompiler compiler;
    private final Path directory;

    public RuleEngine(UnderwritingConfig config) {
        this.compiler = new RuleSetCompiler(config.rules().sessionPoolSize());
        this.directory = config.rules().dir();
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

    /** Makes {@code next} the ruleset new evaluations use; the previous one is disposed once idle. */
    public void activate(RuleSet next) {
        RuleSet previous = active.getAndSet(next);
        if (previous != null) {
            previous.retire();
        }
        Log.infof("ruleset %s active with %d rules from %s", next.version(), next.rules().size(), directory.toAbsolutePath());
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
