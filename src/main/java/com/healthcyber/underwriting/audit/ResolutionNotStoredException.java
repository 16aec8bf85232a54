package com.healthcyber.underwriting.audit;

/** The resolution is known not to be on record: its transaction was rolled back or never reached the store. */
public class ResolutionNotStoredException extends RecordNotStoredException {

    public ResolutionNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
