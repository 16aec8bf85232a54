package com.healthcyber.underwriting.intake;

import java.util.List;

/** A request that is not a well-formed application; it is not decided at all. */
public class InvalidApplicationException extends InvalidInputException {

    public InvalidApplicationException(List<Violation> violations) {
        super(violations);
    }
}
