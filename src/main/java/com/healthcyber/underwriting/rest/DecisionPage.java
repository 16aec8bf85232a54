package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.audit.DecisionSearch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of decisions, newest first.
 *
 * @param next pass as {@code cursor} for the following page; absent on the last page
 */
public record DecisionPage(
        List<Decision> items,

        @Schema(description = "Pass as `cursor` for the next page; null on the last page", nullable = true)
        String next) {

    /** The cursor is opaque to callers: the position of the page's last decision. */
    static String cursor(DecisionSearch.Position position) {
        String text = position.decidedAt() + "|" + position.decisionId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<DecisionSearch.Position> position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.indexOf('|');
            if (separator < 0) {
                return Optional.empty();
            }
            // Only what this service hands out: an instant the record holds and a decision id.
            Optional<Instant> decidedAt = RequestParameters.instant(text.substring(0, separator));
            String decisionId = text.substring(separator + 1);
            if (decidedAt.isEmpty() || !RequestParameters.isDecisionId(decisionId)) {
                return Optional.empty();
            }
            return Optional.of(new DecisionSearch.Position(decidedAt.get(), decisionId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
