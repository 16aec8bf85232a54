package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.PositiveOrZero;

/** The {@code data} block: how much protected health information the applicant holds. */
public record PatientData(@PositiveOrZero Long patientRecords) {}
