package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Applicant(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganizationType organizationType,

        @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as US")
        String country,

        @Size(max = 64) @Schema(nullable = true) String state,
        @NotNull @PositiveOrZero Long annualRevenue,
        @PositiveOrZero @Schema(nullable = true) Integer employees) {}
