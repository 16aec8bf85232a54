package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.engine.RuleDefinition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The ruleset deciding now and how the latest attempts to change it went.
 *
 * @param loadedRuleSets rulesets compiled and not yet disposed: the active one, plus any still
 *     finishing in-flight decisions or being verified
 * @param recentReloads the latest attempts, newest first
 */
public record ActiveRules(
        String version,
        Instant activatedAt,
        Path directory,
        List<RuleDefinition> rules,
        int loadedRuleSets,
        List<ReloadAttempt> recentReloads) {}
