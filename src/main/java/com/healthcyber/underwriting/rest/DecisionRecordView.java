package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.audit.DecisionRecord;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A decision as it is on record: the answer, the ruleset, engine and service that gave it, and
 * the request exactly as received (embedded verbatim, not re-serialized).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecordView(
        String decisionId,
        String applicationId,
        Product product,
        Outcome outcome,
        List<Reason> reasons,
        String rulesetVersion,
        Instant decidedAt,
        String droolsVersion,
        String serviceVersion,
        @Schema(description = "Time the rules took, in microseconds") long engineMicros,
        @Schema(description = "The caller's identity (the token's subject)") String requestedBy,
        String idempotencyKey,
        @Schema(description = "The request body exactly as received", ref = "#/components/schemas/Application")
        @JsonRawValue String request) {

    static DecisionRecordView of(DecisionRecord record) {
        return new DecisionRecordView(record.decisionId(), record.applicationId(), record.product(), record.outcome(),
                record.reasons(), record.rulesetVersion(), record.decidedAt(), record.droolsVersion(), record.serviceVersion(),
                record.engineMicros(), record.requestedBy(), record.idempotencyKey().orElse(null), record.requestBody());
    }
}
