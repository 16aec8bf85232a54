package com.healthcyber.underwriting.decision;

import java.util.Optional;

/**
 * A request for a decision as it arrived.
 *
 * @param body the body exactly as received; it is what the record keeps
 * @param requestedBy the caller's identity
 * @param idempotencyKey the caller's retry key, if it sent one
 */
public record DecisionRequest(byte[] body, String requestedBy, Optional<String> idempotencyKey) {}
