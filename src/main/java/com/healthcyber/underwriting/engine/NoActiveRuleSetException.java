package com.healthcyber.underwriting.engine;

/** No valid ruleset has been activated yet, so nothing can be decided. */
public class NoActiveRuleSetException extends RuntimeException {
    public NoActiveRuleSetException() {
        super("no valid ruleset is active");
    }
}
