package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.intake.InvalidInputException;
import com.healthcyber.underwriting.intake.Violation;
import java.util.List;

/** Query parameters or headers that are not what the endpoint accepts; every violation at once. */
public class InvalidRequestException extends InvalidInputException {

    public InvalidRequestException(List<Violation> violations) {
        super(violations);
    }
}
