package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code data} block: how much protected health information the applicant holds. */
public record PatientData(
        @PositiveOrZero @Schema(nullable = true) Long patientRecords) {}
