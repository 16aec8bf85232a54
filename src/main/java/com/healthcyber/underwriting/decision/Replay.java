package com.healthcyber.underwriting.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.audit.DecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored decision beside what the rules decide for the same request now.
 *
 * @param requiredAuthorityChanged a referral now needs another authority, or a decision became or
 *     stopped being a referral. A referral recorded before required authority was kept (schema V6)
 *     has none on record, so no shift can be told: false for it
 * @param codesAdded codes the replay gives that the stored decision did not
 * @param codesRemoved codes the stored decision gave that the replay does not
 */
public record Replay(
        String decisionId,
        Instant decidedAt,
        Result stored,
        Result replayed,
        boolean outcomeChanged,
        boolean requiredAuthorityChanged,
        List<String> codesAdded,
        List<String> codesRemoved) {

    /** One side of the comparison: what a guideline version's ruleset answered. */
    public record Result(
            Outcome outcome,
            List<Reason> reasons,
            String guidelineVersion,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "On a REFER: the authority it needs")
            AuthorityLevel requiredAuthority,

            String rulesetVersion) {

        /** A referral recorded before its required authority was kept: nothing to compare with. */
        public boolean authorityUnrecorded() {
            return outcome == Outcome.REFER && requiredAuthority == null;
        }
    }

    public static Replay of(DecisionRecord record, Verdict now, String guidelineVersion, String rulesetVersion) {
        Decision given = record.decision();
        Result stored = new Result(
                given.outcome(),
                given.reasons(),
                given.guidelineVersion(),
                given.requiredAuthority(),
                given.rulesetVersion());
        Result replayed = new Result(
                now.outcome(),
                now.reasons(),
                guidelineVersion,
                now.requiredAuthority().orElse(null),
                rulesetVersion);
        Set<String> before = new TreeSet<>(record.codes());
        Set<String> after = new TreeSet<>(now.codes());
        return new Replay(
                given.decisionId(),
                given.decidedAt(),
                stored,
                replayed,
                stored.outcome() != replayed.outcome(),
                !stored.authorityUnrecorded()
                        && !Objects.equals(stored.requiredAuthority(), replayed.requiredAuthority()),
                after.stream().filter(code -> !before.contains(code)).toList(),
                before.stream().filter(code -> !after.contains(code)).toList());
    }

    public boolean changed() {
        return outcomeChanged || requiredAuthorityChanged || !codesAdded.isEmpty() || !codesRemoved.isEmpty();
    }
}
