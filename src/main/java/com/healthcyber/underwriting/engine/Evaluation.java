package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Reason;
import java.util.List;

/** What one ruleset found for one application. */
public record Evaluation(List<Reason> reasons, String rulesetVersion, long engineNanos) {}
