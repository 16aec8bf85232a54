package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.intake.Violation;
import java.util.List;

/** Query parameters or headers that are not what the endpoint accepts; every violation at once. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.size() + " violation(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
