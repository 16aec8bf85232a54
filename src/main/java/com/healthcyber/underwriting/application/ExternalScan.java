package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

/**
 * What an outside-in scan of the applicant's internet-facing systems found. Every field is
 * required when the block is given: half a scan is not evidence. Guideline v1 ignores it.
 */
public record ExternalScan(
        @NotNull LocalDate scanDate,
        @NotNull Boolean openRdp,
        @NotNull Boolean endOfLifeSoftwareObserved,
        @NotNull @PositiveOrZero Integer leakedCredentials) {}
