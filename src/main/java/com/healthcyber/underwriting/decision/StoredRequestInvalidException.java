package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.intake.Violation;
import java.util.List;

/** A stored request no longer passes today's validation, so today's rules cannot decide it. */
public class StoredRequestInvalidException extends RuntimeException {

    private final List<Violation> violations;

    public StoredRequestInvalidException(String decisionId, List<Violation> violations) {
        super("the request of decision " + decisionId + " is not a valid application under today's contract");
        this.violations = violations;
    }

    public List<Violation> violations() {
        return violations;
    }
}
