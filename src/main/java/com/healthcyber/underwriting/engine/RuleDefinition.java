package com.healthcyber.underwriting.engine;

/**
 * One rule of a ruleset as the catalogue shows it.
 *
 * @param fingerprint short hash of the rule's source text: a changed rule has a new one
 */
public record RuleDefinition(
        String code, String name, String file, int line, String description, RuleKind kind, String fingerprint) {}
