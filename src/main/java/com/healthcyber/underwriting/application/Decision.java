package com.healthcyber.underwriting.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to one application, as platforms receive it. Its record ({@code audit.DecisionRecord})
 * and the record's view compose it, so a field added here is kept and shown without being
 * listed again.
 *
 * @param guidelineVersion the guideline version in force for the application's effective date
 *     and transaction type, which decided it ({@code v1})
 * @param rulesetVersion the fingerprint of that version's rules as they ran
 * @param requiredAuthority on a REFER only: the level an underwriter needs to resolve it
 */
public record Decision(
        String decisionId,
        String applicationId,
        Product product,
        Outcome outcome,
        List<Reason> reasons,
        String guidelineVersion,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description =
                        "On a REFER only: the authority level an underwriter needs to resolve it; absent on ACCEPT and DECLINE")
        AuthorityLevel requiredAuthority,

        String rulesetVersion,
        Instant decidedAt) {}
