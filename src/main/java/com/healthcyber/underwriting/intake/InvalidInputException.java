package com.healthcyber.underwriting.intake;

import java.util.List;

/**
 * Input refused with every violation found in it, so that the caller can fix all at once. The
 * subtype says which input it was (the application, or the parameters and headers around it);
 * no stack trace, because refusing input is routine and the violations say everything.
 */
public abstract class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    protected InvalidInputException(List<Violation> violations) {
        super(violations.size() + " violation(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
