package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.engine.RuleProblem;
import java.time.Instant;
import java.util.List;

/**
 * One attempt to put the rules directory live, and what came of it.
 *
 * @param trigger what asked for it
 * @param candidateVersion the version of the files found, or null when they could not be read
 * @param changes null unless accepted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadAttempt(
        ReloadTrigger trigger,
        ReloadStatus status,
        Instant at,
        long durationMillis,
        String activeVersion,
        String candidateVersion,
        List<RuleProblem> problems,
        List<FailedScenario> failedScenarios,
        RuleChanges changes) {

    public boolean rejected() {
        return status == ReloadStatus.REJECTED;
    }

    /** The report an underwriter reads: every problem and failing scenario, one per line. */
    public String report() {
        StringBuilder report = new StringBuilder();
        problems.forEach(problem -> report.append("\n  ").append(problem));
        failedScenarios.forEach(failed -> report.append("\n  ")
                .append(failed.file())
                .append(" scenario \"")
                .append(failed.name())
                .append("\": ")
                .append(failed.failure()));
        return report.toString();
    }
}
