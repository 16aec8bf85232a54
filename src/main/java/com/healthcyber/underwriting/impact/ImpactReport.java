package com.healthcyber.underwriting.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a ruleset would have done to the decisions on record.
 *
 * @param rules which rules were replayed: {@code active} (each decision on the version in force
 *     for its own date and transaction type), {@code guideline <version>} (every decision on that
 *     version) or {@code candidate <name>}
 * @param rulesetVersion the fingerprint of the rules replayed, when one ruleset replayed them all
 * @param replayedOn each guideline version and ruleset that replayed decisions, with how many
 * @param guidelineVersion the selection: only decisions this version made
 * @param replayed stored decisions evaluated again
 * @param changed of those, how many now get another outcome or other reason codes
 * @param notReplayable stored requests today's contract or rules cannot evaluate
 * @param limitReached the selection held more decisions than {@code maxDecisions}; the rest were not replayed
 * @param outcomeTransitions stored outcome → replayed outcome, with counts (unchanged pairs too)
 * @param requiredAuthorityTransitions stored → replayed required authority of every decision that
 *     is a referral on either side, with counts (unchanged pairs too); a side that is no referral has none
 * @param sampleChangedDecisionIds some changed decisions, oldest first, to look at with replay
 * @param sampleNotReplayableDecisionIds some decisions whose stored request today's contract or rules cannot evaluate
 */
// An empty selection bound is left out of the answer rather than sent as null, as in every other
// answer of this service; the published schema lists it as optional (rest.OpenApiContract).
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ImpactReport(
        String rules,
        @Schema(nullable = true) String rulesetVersion,
        List<RulesUsed> replayedOn,
        @Schema(ref = "#/components/schemas/Instant") Optional<Instant> decidedFrom,
        @Schema(ref = "#/components/schemas/Instant") Optional<Instant> decidedTo,
        @Schema(ref = "#/components/schemas/Product") Optional<Product> product,
        @Schema(type = SchemaType.STRING) Optional<String> guidelineVersion,
        int maxDecisions,
        int replayed,
        int changed,
        int notReplayable,
        boolean limitReached,
        List<Transition> outcomeTransitions,
        List<AuthorityTransition> requiredAuthorityTransitions,
        List<CodeCount> reasonCodesAdded,
        List<CodeCount> reasonCodesRemoved,
        List<String> sampleChangedDecisionIds,
        List<String> sampleNotReplayableDecisionIds,
        long durationMillis) {

    public record Transition(Outcome from, Outcome to, int count) {}

    /** {@code from} or {@code to} is absent where that side is not a referral. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthorityTransition(
            @Schema(nullable = true) AuthorityLevel from,
            @Schema(nullable = true) AuthorityLevel to,
            int count) {}

    public record CodeCount(String code, int count) {}

    public record RulesUsed(String guidelineVersion, String rulesetVersion, int replayed) {}
}
