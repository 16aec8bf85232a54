package com.healthcyber.underwriting.engine;

/** A ruleset could not evaluate an application: a server-side fault, never the applicant's. */
public class RuleEvaluationException extends RuntimeException {
    public RuleEvaluationException(String message) {
        super(message);
    }

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
