package com.healthcyber.underwriting.application;

import java.time.Instant;
import java.util.List;

/**
 * The answer to one application, as platforms receive it. Its record ({@code audit.DecisionRecord})
 * and the record's view compose it, so a field added here is kept and shown without being
 * listed again.
 *
 * @param guidelineVersion the guideline version in force for the application's effective date
 *     and transaction type, which decided it ({@code v1})
 * @param rulesetVersion the fingerprint of that version's rules as they ran
 */
public record Decision(
        String decisionId,
        String applicationId,
        Product product,
        Outcome outcome,
        List<Reason> reasons,
        String guidelineVersion,
        String rulesetVersion,
        Instant decidedAt) {}
