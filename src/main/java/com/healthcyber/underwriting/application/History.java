package com.healthcyber.underwriting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Loss and conduct history. Absent lists mean none, so they are normalised to empty lists. */
public record History(
        @NotNull Boolean willfulMisconduct,
        @NotNull Boolean knownCircumstances,

        @Size(max = Limits.MAX_HISTORY_ENTRIES) @Schema(nullable = true)
        List<@NotNull @Valid Claim> claims,

        @Size(max = Limits.MAX_HISTORY_ENTRIES) @Schema(nullable = true)
        List<@NotNull @Valid Breach> breaches,

        @Size(max = Limits.MAX_HISTORY_ENTRIES) @Schema(nullable = true)
        List<@NotNull @Valid RegulatoryAction> regulatoryActions) {

    public History {
        claims = claims == null ? List.of() : claims;
        breaches = breaches == null ? List.of() : breaches;
        regulatoryActions = regulatoryActions == null ? List.of() : regulatoryActions;
    }
}
