package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.audit.DecisionRecord;
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
        Instant decidedAt) {

    /** The answer as it was given, from its record. */
    public static Decision of(DecisionRecord record) {
        return new Decision(record.decisionId(), record.applicationId(), record.product(), record.outcome(),
                record.reasons(), record.rulesetVersion(), record.decidedAt());
    }
}
