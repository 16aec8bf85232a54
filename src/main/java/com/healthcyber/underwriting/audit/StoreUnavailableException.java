package com.healthcyber.underwriting.audit;

/**
 * The decision store cannot take or give records right now; callers answer 503 and retry later.
 * Thrown as such when the store could not be read; a write that fails is one of the two
 * subtypes, because a caller must know whether its decision may be on record.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
