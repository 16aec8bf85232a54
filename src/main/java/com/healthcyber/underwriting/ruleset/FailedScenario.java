package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A worked example the candidate decided differently from what it says. */
public record FailedScenario(
        String file,
        String name,
        Outcome expectedOutcome,
        List<String> expectedReasons,

        @Schema(nullable = true, description = "When the scenario says so: the authority the referral must need")
        AuthorityLevel expectedRequiredAuthority,

        @Schema(nullable = true) Outcome actualOutcome,
        @Schema(nullable = true) List<String> actualReasons,
        @Schema(nullable = true) AuthorityLevel actualRequiredAuthority,
        @Schema(nullable = true) String failure) {}
