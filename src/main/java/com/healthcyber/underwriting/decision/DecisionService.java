package com.healthcyber.underwriting.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.DecisionWriter;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.engine.Evaluation;
import com.healthcyber.underwriting.engine.LiveGuideline;
import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.logging.LogText;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Decides an application and puts the decision on record before anyone sees it: outcome, order,
 * identity, time, and the durable record an auditor can reproduce it from.
 */
@ApplicationScoped
public class DecisionService {

    private final ApplicationReader reader;
    private final RuleEngine engine;
    private final DecisionWriter writer;
    private final DecisionMetrics metrics;
    private final ObjectMapper json;
    private final String serviceVersion;
    private final String droolsVersion = RuleEngine.droolsVersion();
    private final DecisionIds ids = new DecisionIds();

    public DecisionService(
            ApplicationReader reader,
            RuleEngine engine,
            DecisionWriter writer,
            DecisionMetrics metrics,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.version") String serviceVersion) {
        this.reader = reader;
        this.engine = engine;
        this.writer = writer;
        this.metrics = metrics;
        this.json = json;
        this.serviceVersion = serviceVersion;
    }

    /** Reads and validates a body as {@link #decide} does, without deciding or recording anything. */
    public Application read(byte[] body) {
        return reader.read(body);
    }

    /**
     * Evaluates an application on the active rules and records nothing: what "try an
     * application" shows. Not a decision — it has no id and is not counted or logged as one — so
     * it can never be mistaken for one on record. Invalid input throws as {@link #decide} does.
     */
    public Simulation simulate(byte[] body) {
        Application application = reader.read(reader.decode(body));
        // Every version on the same live set, so the answers cannot straddle a reload.
        return engine.withLiveGuidelines(guidelines -> {
            String inForce = guidelines
                    .deciding(application)
                    .map(LiveGuideline::version)
                    .orElseThrow(NoActiveRuleSetException::new);
            List<Simulation.Answer> answers = guidelines.all().stream()
                    .map(live -> new Simulation.Answer(
                            live.version(),
                            live.ruleSet().version(),
                            live.version().equals(inForce),
                            Verdict.of(live.ruleSet().evaluate(application))))
                    .toList();
            Simulation.Answer deciding = answers.stream()
                    .filter(Simulation.Answer::inForce)
                    .findFirst()
                    .orElseThrow();
            return new Simulation(
                    application, deciding.verdict(), deciding.rulesetVersion(), deciding.guidelineVersion(), answers);
        });
    }

    /**
     * Decides the application and completes once the decision's record is committed. Reading and
     * deciding happen on the caller's thread (an invalid application or a missing ruleset throws
     * at once); the commit completes the answer without holding that thread.
     *
     * <p>A retry under an idempotency key the caller already used gets the original decision (the
     * same request) or fails with an {@link IdempotencyConflictException} (a different one): the
     * database's unique key finds the original, so a retry costs no lookup in front of every
     * keyed request and two concurrent duplicates cannot both be stored.
     *
     * <p>Fails with a {@link StoreUnavailableException} when the decision's record was not
     * confirmed: it is not given. The subtype says whether it is known not to be on record or may
     * be ({@link com.healthcyber.underwriting.audit.RecordOutcomeUnknownException}).
     *
     * @param continueOn where the request goes on once its record is committed (counting,
     *     logging, answering). Not the writer's thread: it commits for every request, and each
     *     microsecond it spends on one request's answer delays the next batch of all of them.
     */
    public CompletableFuture<Decided> decide(DecisionRequest request, Executor continueOn) {
        // Decided and recorded from the same text: the body's bytes decoded once, strictly.
        String body = reader.decode(request.body());
        Application application = reader.read(body);
        long started = System.nanoTime();
        Evaluation evaluation = engine.evaluate(application);
        Verdict verdict = Verdict.of(evaluation.findings());
        Instant decidedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Decision decision = new Decision(
                ids.next(decidedAt.toEpochMilli()),
                application.applicationId(),
                application.product(),
                verdict.outcome(),
                verdict.reasons(),
                evaluation.guidelineVersion(),
                verdict.requiredAuthority().orElse(null),
                evaluation.rulesetVersion(),
                decidedAt);
        DecisionRecord record = new DecisionRecord(
                decision,
                droolsVersion,
                serviceVersion,
                evaluation.engineNanos() / 1_000,
                request.requestedBy(),
                request.idempotencyKey(),
                body);
        return writer.append(record)
                .thenApplyAsync(
                        onFile -> {
                            if (!onFile.decisionId().equals(record.decisionId())) {
                                // An earlier request holds this idempotency key: this evaluation is discarded, the
                                // original answers.
                                return repeat(onFile, body);
                            }
                            long total = System.nanoTime() - started;
                            metrics.record(decision, evaluation.engineNanos(), total);
                            log(decision, String.join(",", verdict.codes()), total);
                            return new Decided(decision, false);
                        },
                        continueOn);
    }

    private Decided repeat(DecisionRecord original, String body) {
        if (!sameJson(original.requestBody(), body)) {
            throw new IdempotencyConflictException(original.decisionId());
        }
        return new Decided(original.decision(), true);
    }

    /** Same JSON, not same bytes: a retry may re-serialize the body with other spacing or key order. */
    private boolean sameJson(String stored, String retried) {
        try {
            JsonNode original = json.readTree(stored);
            JsonNode retry = json.readTree(retried);
            return original.equals(retry);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One line per decision, for operators and auditors. It names the decision, never the
     * application's contents: an applicant's controls, history and revenue are its security
     * posture and stay confidential. In JSON logging the fields are also in the MDC. The
     * applicationId is the caller's text: escaped in the message, so it cannot start a line.
     */
    private static void log(Decision decision, String codes, long totalNanos) {
        long micros = totalNanos / 1_000;
        MDC.put("decisionId", decision.decisionId());
        MDC.put("applicationId", decision.applicationId());
        MDC.put("product", decision.product().name());
        MDC.put("outcome", decision.outcome().name());
        MDC.put("codes", codes);
        MDC.put("guidelineVersion", decision.guidelineVersion());
        MDC.put("rulesetVersion", decision.rulesetVersion());
        MDC.put("durationMicros", String.valueOf(micros));
        try {
            // Concatenated, not formatted: a format string per decision costs more than the rest of the log call.
            Log.info("decision decisionId=" + decision.decisionId() + " applicationId="
                    + LogText.escape(decision.applicationId())
                    + " product=" + decision.product() + " outcome=" + decision.outcome() + " codes=[" + codes
                    + "] guidelineVersion=" + decision.guidelineVersion()
                    + " rulesetVersion=" + decision.rulesetVersion() + " durationMicros=" + micros);
        } finally {
            MDC.remove("decisionId");
            MDC.remove("applicationId");
            MDC.remove("product");
            MDC.remove("outcome");
            MDC.remove("codes");
            MDC.remove("guidelineVersion");
            MDC.remove("rulesetVersion");
            MDC.remove("durationMicros");
        }
    }
}
