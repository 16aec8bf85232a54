package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.decision.ReferralStanding;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A decision as it is on record: the answer, the ruleset, engine and service that gave it, and
 * the request exactly as received (embedded verbatim, not re-serialized).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionRecordView(
        @JsonUnwrapped Decision decision,
        String droolsVersion,
        String serviceVersion,

        @Schema(description = "Time the rules took, in microseconds")
        long engineMicros,

        @Schema(description = "The caller's identity (the token's subject)")
        String requestedBy,

        String idempotencyKey,

        @Schema(description = "On a referred decision: where it stands on the referral desk")
        ReferralView referral,

        @Schema(description = "The request body exactly as received", ref = "#/components/schemas/Application")
        @JsonRawValue
        String request) {

    static DecisionRecordView of(DecisionRecord record, Optional<ReferralStanding> referral) {
        return new DecisionRecordView(
                record.decision(),
                record.droolsVersion(),
                record.serviceVersion(),
                record.engineMicros(),
                record.requestedBy(),
                record.idempotencyKey().orElse(null),
                referral.map(ReferralView::of).orElse(null),
                record.requestBody());
    }
}
