package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision as it is kept: what was asked (the body exactly as received), what was answered,
 * by which ruleset, engine and service, when and for whom. Enough to reproduce the decision
 * years later.
 *
 * @param engineMicros time the rules took
 * @param requestedBy the caller's identity (the token's subject); idempotency keys are per caller
 * @param idempotencyKey the caller's retry key, if it sent one
 * @param requestBody the request body exactly as received
 */
public record DecisionRecord(
        String decisionId,
        String applicationId,
        Product product,
        Outcome outcome,
        List<Reason> reasons,
        String rulesetVersion,
        String droolsVersion,
        String serviceVersion,
        Instant decidedAt,
        long engineMicros,
        String requestedBy,
        Optional<String> idempotencyKey,
        String requestBody) {

    public List<String> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
