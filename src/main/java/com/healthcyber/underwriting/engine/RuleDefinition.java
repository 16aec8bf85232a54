package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.AuthorityLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One rule of a ruleset as the catalogue shows it.
 *
 * @param authority a referral's {@code @authority}: the level that may resolve it; null for other rules
 * @param fingerprint short hash of the rule's source text: a changed rule has a new one
 */
public record RuleDefinition(
        String code,
        String name,
        String file,
        int line,
        String description,
        RuleKind kind,

        @Schema(nullable = true, description = "A referral's @authority: the level that may resolve it")
        AuthorityLevel authority,

        String fingerprint) {}
