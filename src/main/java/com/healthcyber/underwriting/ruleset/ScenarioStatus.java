package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/**
 * A worked example of the rules directory and how it fared in the latest reload attempt that ran
 * the scenarios: passed (every scenario of an accepted or unchanged ruleset passed), failed (with
 * what went wrong), or not known (no attempt has run it since the service started, or the
 * latest attempt stopped before the scenarios, at compilation or lint).
 */
public record ScenarioStatus(
        String file,
        String name,
        Outcome expectedOutcome,
        List<String> expectedReasons,
        Result result,
        String failure) {

    public enum Result {
        PASSED,
        FAILED,
        NOT_RUN
    }
}
