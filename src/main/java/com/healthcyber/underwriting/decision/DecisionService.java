package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.engine.Evaluation;
import com.healthcyber.underwriting.engine.RuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Turns the reasons the rules found into a decision: outcome, order, identity and time. */
@ApplicationScoped
public class DecisionService {

    private final RuleEngine engine;

    public DecisionService(RuleEngine engine) {
        this.engine = engine;
    }

    public Decision decide(Application application) {
        Evaluation evaluation = engine.evaluate(application);
        Verdict verdict = Verdict.of(evaluation.reasons());
        return new Decision(
                UUID.randomUUID().toString(),
                application.applicationId(),
                application.product(),
                verdict.outcome(),
                verdict.reasons(),
                evaluation.rulesetVersion(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
