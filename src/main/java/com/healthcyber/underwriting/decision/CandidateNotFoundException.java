package com.healthcyber.underwriting.decision;

/** No candidate rules directory of that name. */
public class CandidateNotFoundException extends RuntimeException {

    public CandidateNotFoundException(String name) {
        super("no candidate rules directory named '" + name + "'");
    }
}
