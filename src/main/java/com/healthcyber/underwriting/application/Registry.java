package com.healthcyber.underwriting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One clinical, patient or disease registry covered by a {@code MEDICAL_REGISTRY} policy. */
public record Registry(
        @NotBlank @Size(max = 200) String name,
        @NotNull RegistryPurpose purpose,
        @NotNull @PositiveOrZero Long records,
        @NotNull @PositiveOrZero Integer contributingSources,
        @NotNull Boolean identifiable,
        @NotNull Boolean containsGeneticData,
        @NotNull Boolean dataQualityProgram,
        @Valid @Schema(nullable = true) Migration migration) {}
