package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/**
 * How one scenario fared: the actual outcome, codes and required authority, or why it could not
 * be decided.
 */
public record ScenarioResult(
        Scenario scenario, Outcome outcome, List<String> reasons, AuthorityLevel requiredAuthority, String error) {

    public boolean passed() {
        Expectation expect = scenario.expect();
        return error == null
                && expect.outcome() == outcome
                && sorted(expect.reasons()).equals(sorted(reasons))
                && (expect.requiredAuthority() == null || expect.requiredAuthority() == requiredAuthority);
    }

    /**
     * "expected REFER [A, B] needing SENIOR_UNDERWRITER, got DECLINE [C]" — what an underwriter
     * needs to see to fix either side.
     */
    public String describeFailure() {
        Expectation expect = scenario.expect();
        String expected = "expected " + expect.outcome() + " " + expect.reasons()
                + (expect.requiredAuthority() == null ? "" : " needing " + expect.requiredAuthority());
        if (error != null) {
            return expected + ", but " + error;
        }
        return expected + ", got " + outcome + " " + reasons
                + (requiredAuthority == null || expect.requiredAuthority() == null
                        ? ""
                        : " needing " + requiredAuthority);
    }

    private static List<String> sorted(List<String> codes) {
        return codes.stream().sorted().toList();
    }
}
