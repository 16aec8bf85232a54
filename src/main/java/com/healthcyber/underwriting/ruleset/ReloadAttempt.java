package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.engine.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to put the rules directory live, and what came of it for each guideline version.
 * Problems and failed scenarios name their files from the rules directory ({@code
 * v2/common/loss-history.drl}), so an underwriter can open the file the report names.
 *
 * @param trigger what asked for it
 * @param status {@code REJECTED} when anything was refused (a version, or the windows together),
 *     {@code ACCEPTED} when something changed and nothing was refused, else {@code UNCHANGED}
 * @param guidelines what happened to each version, by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReloadAttempt(
        ReloadTrigger trigger,
        ReloadStatus status,
        Instant at,
        long durationMillis,
        List<RuleProblem> problems,
        List<FailedScenario> failedScenarios,
        List<GuidelineReload> guidelines) {

    /**
     * One version's part of an attempt.
     *
     * @param activeVersion the fingerprint deciding this version's window after the attempt, or
     *     null when none does
     * @param candidateVersion the fingerprint of the files found, or null when they could not be read
     * @param changes null unless accepted or withdrawn
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GuidelineReload(
            String guidelineVersion,
            ReloadStatus status,
            String activeVersion,
            String candidateVersion,
            RuleChanges changes) {}

    public boolean rejected() {
        return status == ReloadStatus.REJECTED;
    }

    public Optional<GuidelineReload> guideline(String version) {
        return guidelines.stream()
                .filter(reload -> reload.guidelineVersion().equals(version))
                .findFirst();
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
