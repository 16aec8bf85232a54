package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Reason;
import java.util.List;
import java.util.Optional;

/**
 * One decision as it is kept: what was answered, and what was asked (the body exactly as
 * received), by which engine and service, and for whom. Enough to reproduce the decision years
 * later.
 *
 * @param decision the answer as it was given
 * @param engineMicros time the rules took
 * @param requestedBy the caller's identity (the token's subject); idempotency keys are per caller
 * @param idempotencyKey the caller's retry key, if it sent one
 * @param requestBody the request body exactly as received
 */
public record DecisionRecord(
        Decision decision,
        String droolsVersion,
        String serviceVersion,
        long engineMicros,
        String requestedBy,
        Optional<String> idempotencyKey,
        String requestBody) {

    /** The record's identity, which the writer and the history key on. */
    public String decisionId() {
        return decision.decisionId();
    }

    public List<String> codes() {
        return decision.reasons().stream().map(Reason::code).toList();
    }
}
