package com.healthcyber.underwriting.decision;

/**
 * A decision and whether it was made just now or found: a retry under the same idempotency key
 * gets the original decision back.
 */
public record Decided(Decision decision, boolean repeated) {}
