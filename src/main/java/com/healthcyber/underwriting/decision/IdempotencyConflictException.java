package com.healthcyber.underwriting.decision;

/** The idempotency key was already used by this caller for a different request body. */
public class IdempotencyConflictException extends RuntimeException {

    private final String originalDecisionId;

    public IdempotencyConflictException(String originalDecisionId) {
        super("the idempotency key was used for a different request");
        this.originalDecisionId = originalDecisionId;
    }

    public String originalDecisionId() {
        return originalDecisionId;
    }
}
