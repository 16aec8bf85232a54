package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Outcome;
import java.time.LocalDate;
import java.util.List;

/**
 * How many decisions the record holds per day (UTC) of a period: by outcome, and by reason code.
 *
 * @param outcomes one entry per day and outcome that had any
 * @param reasonCodes one entry per day and code that was given any
 */
public record DailyCounts(List<OutcomeCount> outcomes, List<CodeCount> reasonCodes) {

    public record OutcomeCount(LocalDate day, Outcome outcome, long count) {}

    public record CodeCount(LocalDate day, String code, long count) {}
}
