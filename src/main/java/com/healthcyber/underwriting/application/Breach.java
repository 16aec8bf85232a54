package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

public record Breach(
        @NotNull LocalDate date,
        @NotNull @PositiveOrZero Long recordsAffected,
        @NotNull Boolean remediated) {}
