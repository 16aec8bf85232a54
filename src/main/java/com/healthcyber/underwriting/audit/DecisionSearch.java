package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import java.time.Instant;
import java.util.Optional;

/**
 * Which stored decisions to list: every filter optional, newest first, one page at a time.
 *
 * @param decidedFrom inclusive
 * @param decidedTo exclusive
 * @param guidelineVersion only the decisions this guideline version made
 * @param after the last decision of the previous page; the page holds the decisions older than it
 * @param limit decisions per page
 */
public record DecisionSearch(
        Optional<String> applicationId,
        Optional<Product> product,
        Optional<Outcome> outcome,
        Optional<String> reasonCode,
        Optional<Instant> decidedFrom,
        Optional<Instant> decidedTo,
        Optional<String> guidelineVersion,
        Optional<Position> after,
        int limit) {

    /** A search over every guideline version. */
    public DecisionSearch(
            Optional<String> applicationId,
            Optional<Product> product,
            Optional<Outcome> outcome,
            Optional<String> reasonCode,
            Optional<Instant> decidedFrom,
            Optional<Instant> decidedTo,
            Optional<Position> after,
            int limit) {
        this(applicationId, product, outcome, reasonCode, decidedFrom, decidedTo, Optional.empty(), after, limit);
    }

    public DecisionSearch withLimit(int rows) {
        return new DecisionSearch(
                applicationId, product, outcome, reasonCode, decidedFrom, decidedTo, guidelineVersion, after, rows);
    }

    /** Where a walk through the history stands: decisions are ordered by time, then id. */
    public record Position(Instant decidedAt, String decisionId) {}
}
