package com.healthcyber.underwriting.audit;

/**
 * The decision's record was sent to the database, but its commit was not confirmed (no answer
 * in time, or the connection broke before the answer came): it may be on record or not, and may
 * still commit after this. The decision is not given; the caller must not be told it was not
 * recorded. {@code keyed} says whether the request carried an Idempotency-Key, with which a
 * retry returns what was recorded.
 */
public class RecordOutcomeUnknownException extends StoreUnavailableException {

    private final boolean keyed;

    public RecordOutcomeUnknownException(String message, boolean keyed, Throwable cause) {
        super(message, cause);
        this.keyed = keyed;
    }

    public boolean keyed() {
        return keyed;
    }
}
