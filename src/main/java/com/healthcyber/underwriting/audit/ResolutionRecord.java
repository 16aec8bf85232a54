package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Resolution;
import java.time.Instant;
import java.util.Optional;

/**
 * A resolution as it is kept: the answer, the referral it resolves (the decision's id, product,
 * required authority and time, copied so the desk's lists filter without a join) and the
 * resolver's retry key.
 *
 * @param idempotencyKey per resolver, like a decision's per caller
 */
public record ResolutionRecord(
        String decisionId,
        Product product,
        AuthorityLevel requiredAuthority,
        Instant decidedAt,
        Resolution resolution,
        Optional<String> idempotencyKey) {}
