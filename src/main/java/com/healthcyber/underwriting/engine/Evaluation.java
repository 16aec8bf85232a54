package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Reason;
import java.util.List;

/** What one ruleset found for one application. */
public record Evaluation(Findings findings, String rulesetVersion, long engineNanos) {

    public List<Reason> reasons() {
        return findings.reasons();
    }
}
