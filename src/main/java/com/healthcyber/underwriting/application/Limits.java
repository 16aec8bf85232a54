package com.healthcyber.underwriting.application;

/** Bounds on collection sizes: far above any real application, low enough to stop abuse. */
public final class Limits {
    public static final int MAX_HISTORY_ENTRIES = 1000;
    public static final int MAX_REGISTRIES = 100;
    public static final int MAX_COVERAGE_SECTIONS = 20;

    private Limits() {}
}
