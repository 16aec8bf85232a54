package com.healthcyber.underwriting.impact;

import java.util.List;

/** No live guideline version of that name to replay on. */
public class UnknownGuidelineVersionException extends RuntimeException {

    public UnknownGuidelineVersionException(String name, List<String> live) {
        super("no guideline version named '" + name + "' is live (live: " + String.join(", ", live) + ")");
    }
}
