package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Product;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored decisions an impact analysis replays, oldest first.
 *
 * @param decidedFrom inclusive
 * @param decidedTo exclusive
 * @param guidelineVersion only the decisions this guideline version made
 * @param maxDecisions the walk stops after this many
 */
public record ReplaySelection(
        Optional<Instant> decidedFrom,
        Optional<Instant> decidedTo,
        Optional<Product> product,
        Optional<String> guidelineVersion,
        int maxDecisions) {

    /** Decisions of every guideline version. */
    public ReplaySelection(
            Optional<Instant> decidedFrom, Optional<Instant> decidedTo, Optional<Product> product, int maxDecisions) {
        this(decidedFrom, decidedTo, product, Optional.empty(), maxDecisions);
    }

    public ReplaySelection withMaxDecisions(int max) {
        return new ReplaySelection(decidedFrom, decidedTo, product, guidelineVersion, max);
    }
}
