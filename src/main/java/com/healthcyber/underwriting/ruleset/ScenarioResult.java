package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/** How one scenario fared: the actual outcome and codes, or why it could not be decided. */
public record ScenarioResult(Scenario scenario, Outcome outcome, List<String> reasons, String error) {

    public boolean passed() {
        return error == null
                && scenario.expect().outcome() == outcome
                && sorted(scenario.expect().reasons()).equals(sorted(reasons));
    }

    /** "expected REFER [A, B], got DECLINE [C]" — what an underwriter needs to see to fix either side. */
    public String describeFailure() {
        String expected = "expected " + scenario.expect().outcome() + " "
                + scenario.expect().reasons();
        return error != null ? expected + ", but " + error : expected + ", got " + outcome + " " + reasons;
    }

    private static List<String> sorted(List<String> codes) {
        return codes.stream().sorted().toList();
    }
}
