package com.healthcyber.underwriting.intake;

import java.util.List;

/** A body that is not a well-formed resolution of a referral; nothing is resolved. */
public class InvalidResolutionException extends InvalidInputException {

    public InvalidResolutionException(List<Violation> violations) {
        super(violations);
    }
}
