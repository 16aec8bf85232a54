package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.guideline.Guideline;

/** A guideline version and the compiled rules that decide its window. */
public record LiveGuideline(Guideline guideline, RuleSet ruleSet) {

    public String version() {
        return guideline.version();
    }
}
