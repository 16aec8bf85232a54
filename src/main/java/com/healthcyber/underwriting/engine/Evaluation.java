package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Reason;
import java.util.List;

/** What one ruleset found for one application, and which guideline version it is. */
public record Evaluation(Findings findings, String rulesetVersion, String guidelineVersion, long engineNanos) {

    public List<Reason> reasons() {
        return findings.reasons();
    }
}
