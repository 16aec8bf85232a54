package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.engine.RuleDefinition;
import com.healthcyber.underwriting.ruleset.ReloadAttempt;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /rules}: the ruleset deciding now, and how the last attempt to change it went.
 *
 * @param lastReload the latest attempt, the first of {@code recentReloads} (kept for the platforms that read it)
 * @param recentReloads the latest attempts, newest first, at most {@code underwriting.rules.reload-history}
 * @param loadedRuleSets rulesets compiled and not yet disposed: the active one, plus any still
 *     finishing in-flight decisions or being verified; stays small however many reloads ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(
        String version,
        Instant activatedAt,
        String directory,
        int ruleCount,
        int loadedRuleSets,
        List<RuleDefinition> rules,
        ReloadAttempt lastReload,
        List<ReloadAttempt> recentReloads) {}
