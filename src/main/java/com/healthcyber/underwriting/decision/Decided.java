package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Decision;

/**
 * A decision and whether it was made just now or found: a retry under the same idempotency key
 * gets the original decision back.
 */
public record Decided(Decision decision, boolean repeated) {}
