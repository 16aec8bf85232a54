package com.healthcyber.underwriting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An application for insurance as a platform submits it. It is both the request body of
 * {@code POST /decisions} and, with its parts, the facts the rules reason over.
 */
@ProductRequirements
public record Application(
        @NotNull @Size(min = 1, max = 64) String applicationId,
        @NotNull Product product,
        @NotNull @Valid Applicant applicant,
        @Valid @Schema(nullable = true) PatientData data,
        @NotNull @Valid Controls controls,
        @NotNull @Valid History history,
        @NotNull @Valid Coverage coverage,

        @Size(max = Limits.MAX_REGISTRIES) @Schema(nullable = true)
        List<@NotNull @Valid Registry> registries,

        @Valid @Schema(nullable = true, description = "Evidence from an outside-in scan; guideline v1 ignores it.")
        ExternalScan externalScan) {

    public Application {
        registries = registries == null ? List.of() : registries;
    }
}
