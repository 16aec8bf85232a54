package com.healthcyber.underwriting.audit;

/** The decision store cannot take or give records right now; callers answer 503 and retry later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
