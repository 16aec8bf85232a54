package com.healthcyber.underwriting.engine;

/** One rule of a ruleset as the catalogue shows it. */
public record RuleDefinition(String code, String name, String file, int line, String description, RuleKind kind) {}
