package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.engine.RuleDefinition;
import com.healthcyber.underwriting.guideline.Guideline;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The guideline versions deciding now and how the latest attempts to change them went.
 *
 * @param loadedRuleSets rulesets compiled and not yet disposed: the live ones, plus any still
 *     finishing in-flight decisions or being verified
 * @param recentReloads the latest attempts, newest first
 */
public record ActiveRules(
        Path directory, List<Version> guidelines, int loadedRuleSets, List<ReloadAttempt> recentReloads) {

    /** One version: its windows and the rules deciding them. */
    public record Version(
            Guideline guideline, String rulesetVersion, Instant activatedAt, List<RuleDefinition> rules) {}
}
