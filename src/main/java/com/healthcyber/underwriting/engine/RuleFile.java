package com.healthcyber.underwriting.engine;

/** One DRL file of a ruleset, by its path relative to the rules directory ({@code /}-separated). */
public record RuleFile(String path, String content) {}
