package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.engine.RuleDefinition;
import com.healthcyber.underwriting.guideline.GuidelineWindow;
import com.healthcyber.underwriting.ruleset.ReloadAttempt;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /rules}: each guideline version deciding now, and how the last attempts to change
 * the rules went.
 *
 * @param lastReload the latest attempt, the first of {@code recentReloads}
 * @param recentReloads the latest attempts, newest first, at most {@code underwriting.rules.reload-history}
 * @param loadedRuleSets rulesets compiled and not yet disposed: the live ones, plus any still
 *     finishing in-flight decisions or being verified; stays small however many reloads ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(
        String directory,
        int loadedRuleSets,
        List<GuidelineView> guidelines,
        ReloadAttempt lastReload,
        List<ReloadAttempt> recentReloads) {

    /**
     * One guideline version.
     *
     * @param version the fingerprint of its rules, the {@code rulesetVersion} of its decisions
     * @param lastReload what the latest attempt did to this version
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GuidelineView(
            String guidelineVersion,
            String description,
            List<GuidelineWindow> windows,
            String version,
            Instant activatedAt,
            int ruleCount,
            List<RuleDefinition> rules,
            ReloadAttempt.GuidelineReload lastReload) {}
}
