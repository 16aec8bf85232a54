package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.application.Resolution;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.audit.ReferralRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the referral desk: open referrals oldest first, or resolved ones in the order they
 * were resolved.
 *
 * @param next pass as {@code cursor} for the following page; null on the last page
 */
public record ReferralPage(
        List<ReferralItem> items,

        @Schema(
                description = "Pass as `cursor` (with the same filters) for the next page; null on the last page",
                nullable = true)
        String next) {

    /** A referred decision on the desk. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralItem(
            String decisionId,
            String applicationId,
            Product product,
            Instant decidedAt,
            ReferralStatus status,
            AuthorityLevel requiredAuthority,

            @Schema(description = "Whole seconds it has waited: to now while OPEN, to its resolution once RESOLVED")
            long ageSeconds,

            @Schema(description = "The decision's reasons, DECLINE, REFER, CONDITION, then by code")
            List<Reason> reasons,

            @Schema(description = "Once RESOLVED") Resolution resolution) {

        static ReferralItem of(ReferralRecord referral, Instant asOf) {
            Instant until = referral.resolution().map(Resolution::resolvedAt).orElse(asOf);
            return new ReferralItem(
                    referral.decisionId(),
                    referral.applicationId(),
                    referral.product(),
                    referral.decidedAt(),
                    referral.resolution().isPresent() ? ReferralStatus.RESOLVED : ReferralStatus.OPEN,
                    referral.requiredAuthority(),
                    Math.max(0, Duration.between(referral.decidedAt(), until).toSeconds()),
                    referral.reasons(),
                    referral.resolution().orElse(null));
        }
    }

    /**
     * The cursor is opaque to callers: the list it belongs to, and the time (decision or
     * resolution) and id of the page's last referral.
     */
    static String cursor(ReferralStatus status, DecisionSearch.Position position) {
        String text = status + "|" + position.decidedAt() + "|" + position.decisionId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Only a cursor this service gave for a list of {@code status}. */
    static Optional<DecisionSearch.Position> position(String cursor, ReferralStatus status) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(status.name())) {
                return Optional.empty();
            }
            Optional<Instant> at = RequestParameters.instant(parts[1]);
            if (at.isEmpty() || !RequestParameters.isDecisionId(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new DecisionSearch.Position(at.get(), parts[2]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
