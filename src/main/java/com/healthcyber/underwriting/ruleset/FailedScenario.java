package com.healthcyber.underwriting.ruleset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.healthcyber.underwriting.application.Outcome;
import java.util.List;

/** A worked example the candidate decided differently from what it says. */
public record FailedScenario(String file, String name, Outcome expectedOutcome, List<String> expectedReasons,
        @Schema(nullable = true) Outcome actualOutcome, @Schema(nullable = true) List<String> actualReasons, @Schema(nullable = true) String failure) {}
