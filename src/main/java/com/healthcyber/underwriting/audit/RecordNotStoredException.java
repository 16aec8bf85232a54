package com.healthcyber.underwriting.audit;

/**
 * The decision's record is known not to be on file and never will be: it was refused before it
 * reached the database, withdrawn from the queue before the writer sent it, or rejected by the
 * database in a statement that therefore committed nothing. The decision is not given.
 */
public class RecordNotStoredException extends StoreUnavailableException {

    public RecordNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }

    public RecordNotStoredException(String message) {
        super(message);
    }
}
