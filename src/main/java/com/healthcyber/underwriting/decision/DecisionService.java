package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.engine.Evaluation;
import com.healthcyber.underwriting.engine.RuleEngine;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.MDC;

/** Turns the reasons the rules found into a decision: outcome, order, identity and time. */
@ApplicationScoped
public class DecisionService {

    private final RuleEngine engine;
    private final DecisionMetrics metrics;

    public DecisionService(RuleEngine engine, DecisionMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    public Decision decide(Application application) {
        long started = System.nanoTime();
        Evaluation evaluation = engine.evaluate(application);
        Verdict verdict = Verdict.of(evaluation.reasons());
        Decision decision = new Decision(
                UUID.randomUUID().toString(),
                application.applicationId(),
                application.product(),
                verdict.outcome(),
                verdict.reasons(),
                evaluation.rulesetVersion(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        long total = System.nanoTime() - started;
        metrics.record(decision, evaluation.engineNanos(), total);
        log(decision, String.join(",", verdict.codes()), total);
        return decision;
    }

    /**
     * One line per decision, for operators and auditors. It names the decision, never the
     * application's contents: an applicant's controls, history and revenue are its security
     * posture and stay confidential. In JSON logging the fields are also in the MDC.
     */
    private static void log(Decision decision, String codes, long totalNanos) {
        long micros = totalNanos / 1_000;
        MDC.put("decisionId", decision.decisionId());
        MDC.put("applicationId", decision.applicationId());
        MDC.put("product", decision.product().name());
        MDC.put("outcome", decision.outcome().name());
        MDC.put("codes", codes);
        MDC.put("rulesetVersion", decision.rulesetVersion());
        MDC.put("durationMicros", String.valueOf(micros));
        try {
            // Concatenated, not formatted: a format string per decision costs more than the rest of the log call.
            Log.info("decision decisionId=" + decision.decisionId() + " applicationId=" + decision.applicationId()
                    + " product=" + decision.product() + " outcome=" + decision.outcome() + " codes=[" + codes
                    + "] rulesetVersion=" + decision.rulesetVersion() + " durationMicros=" + micros);
        } finally {
            MDC.remove("decisionId");
            MDC.remove("applicationId");
            MDC.remove("product");
            MDC.remove("outcome");
            MDC.remove("codes");
            MDC.remove("rulesetVersion");
            MDC.remove("durationMicros");
        }
    }
}
