package com.healthcyber.underwriting.engine;

/**
 * The metadata rules carry: every rule {@code @code("…")} and {@code @description("…")}; every
 * referral also {@code @authority("…")}, the level that may resolve it.
 */
final class RuleMetadata {
    static final String CODE = "code";
    static final String DESCRIPTION = "description";
    static final String AUTHORITY = "authority";

    private RuleMetadata() {}
}
