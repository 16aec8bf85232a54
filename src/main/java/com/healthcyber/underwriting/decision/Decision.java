package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import java.time.Instant;
import java.util.List;

/** The answer to one application, as platforms receive it. */
public record Decision(
        String decisionId,
        String applicationId,
        Product product,
        Outcome outcome,
        List<Reason> reasons,
        String rulesetVersion,
        Instant decidedAt) {}
