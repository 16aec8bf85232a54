package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/**
 * What an underwriter says a scenario must decide: the outcome and every reason code, no more,
 * no fewer; and, when it says so, the authority a referral needs.
 *
 * @param requiredAuthority null: not checked; only meaningful with outcome REFER
 */
public record Expectation(Outcome outcome, List<String> reasons, AuthorityLevel requiredAuthority) {
    public Expectation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Expectation(Outcome outcome, List<String> reasons) {
        this(outcome, reasons, null);
    }
}
