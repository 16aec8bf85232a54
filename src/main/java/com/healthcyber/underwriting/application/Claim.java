package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

public record Claim(
        @NotNull LocalDate date,
        @NotNull ClaimType type,
        @NotNull @PositiveOrZero Long paid) {}
