package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Evaluates applications on the active ruleset and swaps rulesets without stopping. Compiling
 * and verifying candidates is the reloader's job; this only holds what is live.
 */
@ApplicationScoped
public class RuleEngine {

    private final AtomicReference<RuleSet> active = new AtomicReference<>();

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
        return withActiveRuleSet(ruleSet -> {
            long start = System.nanoTime();
            Findings findings = ruleSet.evaluate(application);
            return new Evaluation(findings, ruleSet.version(), System.nanoTime() - start);
        });
    }

    /**
     * Runs {@code work} on the ruleset active when the call starts; it stays usable until
     * {@code work} returns, even if a reload swaps it out meanwhile.
     */
    public <T> T withActiveRuleSet(Function<RuleSet, T> work) {
        while (true) {
            RuleSet ruleSet = active.get();
            if (ruleSet == null) {
                throw new NoActiveRuleSetException();
            }
            if (!ruleSet.tryAcquire()) {
                continue; // retired and disposed between the read and the lease: read the newer one
            }
            try {
                return work.apply(ruleSet);
            } finally {
                ruleSet.release();
            }
        }
    }

    /**
     * Rulesets compiled and not yet disposed in this JVM: the active one, plus any still finishing
     * in-flight evaluations or being verified. Bounded when reloads do not leak.
     */
    public int loadedRuleSets() {
        return RuleSet.live();
    }

    /** The Drools version deciding, kept with every decision record. */
    public static String droolsVersion() {
        return org.drools.base.util.Drools.getFullVersion();
    }

    @PreDestroy
    void shutdown() {
        RuleSet last = active.getAndSet(null);
        if (last != null) {
            last.retire();
        }
    }
}
