package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What is asked for. {@code effectiveDate} is the date every "within N years" rule measures from. */
public record Coverage(
        @NotNull LocalDate effectiveDate,
        @NotNull @Positive Long limit,
        @NotNull @PositiveOrZero Long retention,
        @NotEmpty @Size(max = Limits.MAX_COVERAGE_SECTIONS) List<@NotNull CoverageSection> sections) {}
