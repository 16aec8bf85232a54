package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * A worked example of a live guideline version and how it fared in the gate that put that
 * version's rules live (at start-up or a reload): what the rules deciding now were proven on, not
 * what the files on disk say today. A refused reload leaves these as they were; its failures are
 * in the reload history.
 *
 * @param rulesetVersion the fingerprint the gate verified, the one deciding now
 * @param verifiedAt when the gate ran the scenario
 * @param failure what went wrong, or null when it passed
 */
public record ScenarioStatus(
        String guidelineVersion,
        String rulesetVersion,
        Instant verifiedAt,
        String file,
        String name,
        Outcome expectedOutcome,
        List<String> expectedReasons,
        Result result,
        String failure) {

    public enum Result {
        PASSED,
        FAILED
    }

    static ScenarioStatus of(
            String guidelineVersion, String rulesetVersion, Instant verifiedAt, String file, ScenarioResult result) {
        return new ScenarioStatus(
                guidelineVersion,
                rulesetVersion,
                verifiedAt,
                file,
                result.scenario().name(),
                result.scenario().expect().outcome(),
                result.scenario().expect().reasons(),
                result.passed() ? Result.PASSED : Result.FAILED,
                result.passed() ? null : result.describeFailure());
    }
}
