package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A planned system upgrade or migration of a registry (data loss exposure). */
public record Migration(
        @NotNull LocalDate plannedDate,
        @NotNull Boolean documentedPlan,
        @NotNull Boolean rollbackTested) {}
