package com.healthcyber.underwriting.engine;

/** No valid ruleset decides the application (none has gone live yet), so nothing can be decided. */
public class NoActiveRuleSetException extends RuntimeException {
    public NoActiveRuleSetException() {
        super("no valid ruleset is active");
    }

    public NoActiveRuleSetException(String message) {
        super(message);
    }
}
