package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.engine.RuleDefinition;
import com.healthcyber.underwriting.ruleset.ReloadAttempt;
import java.time.Instant;
import java.util.List;

/** {@code GET /rules}: the ruleset deciding now, and how the last attempt to change it went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(String version, Instant activatedAt, String directory, int ruleCount, List<RuleDefinition> rules,
        ReloadAttempt lastReload) {}
