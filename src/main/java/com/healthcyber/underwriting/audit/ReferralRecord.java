package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A referred decision as the desk lists it: what it is, why it was referred, and its resolution once it has one. */
public record ReferralRecord(
        String decisionId,
        String applicationId,
        Product product,
        Instant decidedAt,
        AuthorityLevel requiredAuthority,
        List<Reason> reasons,
        Optional<Resolution> resolution) {}
