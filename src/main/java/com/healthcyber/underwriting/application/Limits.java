package com.healthcyber.underwriting.application;

/**
 * Bounds on collection sizes: far above any real application (two claims within five years
 * already decline), low enough that the largest valid body costs the rules tens of facts per
 * list, not thousands.
 */
public final class Limits {
    public static final int MAX_HISTORY_ENTRIES = 100;
    public static final int MAX_REGISTRIES = 100;
    public static final int MAX_COVERAGE_SECTIONS = 20;

    private Limits() {}
}
