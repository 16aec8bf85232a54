package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.AuthorityRequirement;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * A compiled, immutable set of rules and the sessions that evaluate it.
 *
 * <p>Evaluations hold a lease; the ruleset's container and session pool are released only
 * after it has been retired <em>and</em> the last lease is returned, so a request that started
 * on a ruleset finishes on it even while a newer one is swapped in.
 */
public final class RuleSet {

    /** A rule set that fires this often for one application is looping, not deciding. */
    static final int MAX_FIRINGS_PER_EVALUATION = 10_000;

    private final String version;
    private final List<RuleDefinition> rules;
    /** Each referral's {@code @authority}, by its reason code. */
    private final Map<String, AuthorityLevel> referralAuthority;

    private final Instant compiledAt;
    private final KieContainer container;
    private final KieContainerSessionsPool sessions;
    /**
     * Sessions without Drools' internal locking and propagation queue: the pool lends each
     * session to one evaluation at a time, so they never see two threads at once, and inserts
     * go straight into the network (docs/benchmarks.md has what it saves). The pool keeps its
     * sessions per configuration instance, so this one instance is used throughout.
     */
    private final KieSessionConfiguration oneThreadAtATime;
    /** One lease is the owner's (released by {@link #retire()}); each evaluation adds one. */
    private final AtomicInteger leases = new AtomicInteger(1);
    /** The owner's lease is given up once: a second retire would take the count below zero, where {@link #tryAcquire()} lends again. */
    private final AtomicBoolean retired = new AtomicBoolean();

    private volatile Instant activatedAt;
    /** Rulesets compiled and not yet disposed in this JVM: bounded when reloads do not leak. */
    private static final AtomicInteger LIVE = new AtomicInteger();

    RuleSet(
            String version,
            List<RuleDefinition> rules,
            KieContainer container,
            int sessionPoolSize,
            Instant compiledAt) {
        this.version = version;
        this.rules = rules;
        this.referralAuthority = rules.stream()
                .filter(rule -> rule.kind() == RuleKind.REFER && rule.authority() != null)
                .collect(Collectors.toUnmodifiableMap(RuleDefinition::code, RuleDefinition::authority));
        this.container = container;
        this.sessions = container.newKieSessionsPool(sessionPoolSize);
        this.oneThreadAtATime = KieServices.Factory.get().newKieSessionConfiguration();
        this.oneThreadAtATime.setOption(ThreadSafeOption.NO);
        this.compiledAt = compiledAt;
        LIVE.incrementAndGet();
    }

    public static int live() {
        return LIVE.get();
    }

    public String version() {
        return version;
    }

    public List<RuleDefinition> rules() {
        return rules;
    }

    public Instant compiledAt() {
        return compiledAt;
    }

    /** When it began to serve decisions; null for a candidate that never went live. */
    public Instant activatedAt() {
        return activatedAt;
    }

    void markActivated(Instant at) {
        this.activatedAt = at;
    }

    /**
     * Runs every rule against the application and returns the reasons that applied, in no
     * particular order, with the authority its referrals need.
     *
     * @throws RuleEvaluationException when a rule fails or loops
     */
    public Findings evaluate(Application application) {
        KieSession session = sessions.newKieSession(oneThreadAtATime);
        try {
            Facts.insertAll(session, application);
            int fired = session.fireAllRules(MAX_FIRINGS_PER_EVALUATION);
            if (fired >= MAX_FIRINGS_PER_EVALUATION) {
                throw new RuleEvaluationException(
                        "rules fired " + fired + " times for one application; a rule is looping");
            }
            List<Reason> reasons = new ArrayList<>();
            AuthorityLevel authority = null;
            // All objects, filtered here: a class filter makes the reset session build a class store per call.
            for (Object fact : session.getObjects()) {
                if (fact instanceof Reason reason) {
                    reasons.add(reason);
                    if (reason.outcome() == ReasonOutcome.REFER) {
                        authority = higher(authority, authorityOf(reason));
                    }
                } else if (fact instanceof AuthorityRequirement requirement) {
                    authority = higher(authority, requirement.level());
                }
            }
            return new Findings(reasons, Optional.ofNullable(authority));
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("ruleset " + version + " failed to evaluate an application", e);
        } finally {
            session.dispose();
        }
    }

    /** The lint requires {@code @authority} on every referral, so a ruleset without one never gets here. */
    private AuthorityLevel authorityOf(Reason referral) {
        AuthorityLevel level = referralAuthority.get(referral.code());
        if (level == null) {
            throw new RuleEvaluationException("referral " + referral.code() + " has no @authority");
        }
        return level;
    }

    private static AuthorityLevel higher(AuthorityLevel current, AuthorityLevel next) {
        return current == null ? next : AuthorityLevel.highest(current, next);
    }

    /** Takes a lease for one evaluation; false once the ruleset has been disposed. */
    boolean tryAcquire() {
        while (true) {
            int held = leases.get();
            if (held == 0) {
                return false;
            }
            if (leases.compareAndSet(held, held + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (leases.decrementAndGet() == 0) {
            sessions.shutdown();
            container.dispose();
            LIVE.decrementAndGet();
        }
    }

    /**
     * Gives up the owner's lease: the ruleset is disposed once in-flight evaluations finish.
     * Idempotent, so a caller that cannot tell whether the gate retired it already may retire it.
     */
    public void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    boolean isDisposed() {
        return leases.get() == 0;
    }
}
