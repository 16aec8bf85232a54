package com.healthcyber.underwriting.intake;

import java.util.List;

/** A request that is not a well-formed application; it is not decided at all. */
public class InvalidApplicationException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidApplicationException(List<Violation> violations) {
        super(violations.size() + " violation(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
