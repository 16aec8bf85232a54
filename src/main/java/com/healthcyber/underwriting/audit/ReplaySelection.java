package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Product;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored decisions an impact analysis replays, oldest first.
 *
 * @param decidedFrom inclusive
 * @param decidedTo exclusive
 * @param maxDecisions the walk stops after this many
 */
public record ReplaySelection(
        Optional<Instant> decidedFrom, Optional<Instant> decidedTo, Optional<Product> product, int maxDecisions) {}
