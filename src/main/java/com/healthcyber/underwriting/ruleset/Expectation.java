package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/** What an underwriter says a scenario must decide: the outcome and every reason code, no more, no fewer. */
public record Expectation(Outcome outcome, List<String> reasons) {
    public Expectation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
