package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is asked for. {@code effectiveDate} is the date every "within N years" rule measures from;
 * with {@code transactionType} it chooses the guideline version that decides.
 */
public record Coverage(
        @NotNull LocalDate effectiveDate,
        @NotNull @Positive Long limit,
        @NotNull @PositiveOrZero Long retention,
        @NotEmpty @Size(max = Limits.MAX_COVERAGE_SECTIONS) List<@NotNull CoverageSection> sections,

        @Schema(defaultValue = "NEW_BUSINESS", description = "Absent means NEW_BUSINESS.")
        TransactionType transactionType) {

    public Coverage {
        transactionType = transactionType == null ? TransactionType.NEW_BUSINESS : transactionType;
    }
}
