package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An underwriter's answer to a referral, as the body of {@code POST /decisions/{id}/resolution}.
 * Who answers comes from the token, never from here.
 */
@SubjectivitiesOnlyWithApproval
public record ResolutionRequest(
        @NotNull ResolutionAction action,

        @NotBlank @Size(max = MAX_RATIONALE) @Schema(minLength = 1, description = "Why, in the underwriter's words")
        String rationale,

        @Size(max = MAX_SUBJECTIVITIES)
        @Schema(description = "Further subjectivities in words; only with APPROVE", nullable = true)
        List<@NotBlank @Size(max = MAX_SUBJECTIVITY) String> subjectivities) {

    public static final int MAX_RATIONALE = 2000;
    public static final int MAX_SUBJECTIVITIES = 20;
    public static final int MAX_SUBJECTIVITY = 500;

    public ResolutionRequest {
        subjectivities = subjectivities == null ? List.of() : subjectivities;
    }
}
