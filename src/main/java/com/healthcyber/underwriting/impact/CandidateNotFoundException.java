package com.healthcyber.underwriting.impact;

/** No candidate rules directory of that name. */
public class CandidateNotFoundException extends RuntimeException {

    public CandidateNotFoundException(String name) {
        super("no candidate rules directory named '" + name + "'");
    }
}
