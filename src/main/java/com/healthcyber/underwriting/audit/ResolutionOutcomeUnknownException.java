package com.healthcyber.underwriting.audit;

/**
 * The resolution's commit was sent but not confirmed: it may be on record. A retry with the
 * same Idempotency-Key gets the recorded resolution if there is one; without a key, reading
 * the decision tells.
 */
public class ResolutionOutcomeUnknownException extends RecordOutcomeUnknownException {

    public ResolutionOutcomeUnknownException(String message, boolean keyed, Throwable cause) {
        super(message, keyed, cause);
    }
}
