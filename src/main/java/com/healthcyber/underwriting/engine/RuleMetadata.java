package com.healthcyber.underwriting.engine;

/** The metadata every rule carries, as {@code @code("…")} and {@code @description("…")}. */
final class RuleMetadata {
    static final String CODE = "code";
    static final String DESCRIPTION = "description";

    private RuleMetadata() {}
}
