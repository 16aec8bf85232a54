package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Coverage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Evaluates applications on the guideline version in force for each and swaps versions without
 * stopping. Compiling and verifying candidates is the reloader's job; this only holds what is
 * live.
 */
@ApplicationScoped
public class RuleEngine {

    private final AtomicReference<GuidelineSet> live = new AtomicReference<>(GuidelineSet.EMPTY);

    /**
     * Makes {@code next} the set new evaluations use, atomically. A ruleset of the previous set
     * that is not in {@code next} is disposed once its in-flight evaluations finish; one that
     * stays keeps its activation time. Returns the previous set.
     */
    public GuidelineSet activate(GuidelineSet next) {
        Instant now = Instant.now();
        Set<RuleSet> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LiveGuideline guideline : next.all()) {
            kept.add(guideline.ruleSet());
            if (guideline.ruleSet().activatedAt() == null) {
                guideline.ruleSet().markActivated(now);
            }
        }
        GuidelineSet previous = live.getAndSet(next);
        for (LiveGuideline guideline : previous.all()) {
            if (!kept.contains(guideline.ruleSet())) {
                guideline.ruleSet().retire();
            }
        }
        return previous;
    }

    /** The versions deciding now; empty before the first activation. */
    public GuidelineSet live() {
        return live.get();
    }

    /**
     * Evaluates on the version in force for the application, as active when the call starts; a
     * swap during the call does not affect it.
     */
    public Evaluation evaluate(Application application) {
        while (true) {
            GuidelineSet guidelines = live.get();
            LiveGuideline deciding =
                    guidelines.deciding(application).orElseThrow(() -> noGuideline(guidelines, application));
            RuleSet ruleSet = deciding.ruleSet();
            if (!ruleSet.tryAcquire()) {
                continue; // retired and disposed between the read and the lease: read the newer set
            }
            try {
                long start = System.nanoTime();
                var reasons = ruleSet.evaluate(application);
                return new Evaluation(reasons, ruleSet.version(), deciding.version(), System.nanoTime() - start);
            } finally {
                ruleSet.release();
            }
        }
    }

    /**
     * Runs {@code work} on the set live when the call starts; every ruleset in it stays usable
     * until {@code work} returns, even if a reload swaps it out meanwhile.
     */
    public <T> T withLiveGuidelines(Function<GuidelineSet, T> work) {
        while (true) {
            GuidelineSet guidelines = live.get();
            if (guidelines.isEmpty()) {
                throw new NoActiveRuleSetException();
            }
            if (!guidelines.tryAcquireAll()) {
                continue;
            }
            try {
                return work.apply(guidelines);
            } finally {
                guidelines.releaseAll();
            }
        }
    }

    private static NoActiveRuleSetException noGuideline(GuidelineSet guidelines, Application application) {
        if (guidelines.isEmpty()) {
            return new NoActiveRuleSetException();
        }
        // Unreachable while the windows pass GuidelineCoverage, which every activation checks.
        Coverage coverage = application.coverage();
        return new NoActiveRuleSetException("no guideline version decides " + application.product() + " "
                + coverage.transactionType() + " effective " + coverage.effectiveDate());
    }

    /**
     * Rulesets compiled and not yet disposed in this JVM: the live ones, plus any still finishing
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
        GuidelineSet last = live.getAndSet(GuidelineSet.EMPTY);
        last.all().forEach(guideline -> guideline.ruleSet().retire());
    }
}
