package com.healthcyber.underwriting.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An investigation or enforcement action, e.g. by HHS OCR or a state attorney general. */
public record RegulatoryAction(
        @NotNull LocalDate date, @NotBlank @Size(max = 100) String agency) {}
