package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/** A worked example the candidate decided differently from what it says. */
public record FailedScenario(String file, String name, Outcome expectedOutcome, List<String> expectedReasons,
        Outcome actualOutcome, List<String> actualReasons, String failure) {}
