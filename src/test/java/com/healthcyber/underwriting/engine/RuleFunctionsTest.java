package com.healthcyber.underwriting.engine;

import static com.healthcyber.underwriting.engine.RuleFunctions.daysBefore;
import static com.healthcyber.underwriting.engine.RuleFunctions.withinDaysBefore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The day-based date helpers the external-scan rules are written with, at their boundaries. */
class RuleFunctionsTest {

    private static final LocalDate EFFECTIVE = LocalDate.of(2027, 7, 1);

    @Test
    void aDateNinetyDaysBeforeIsWithinNinetyDays() {
        assertTrue(withinDaysBefore(LocalDate.of(2027, 4, 2), EFFECTIVE, 90));
    }

    @Test
    void aDateNinetyOneDaysBeforeIsNotWithinNinetyDays() {
        assertFalse(withinDaysBefore(LocalDate.of(2027, 4, 1), EFFECTIVE, 90));
    }

    @Test
    void theEffectiveDateItselfIsWithinTheWindow() {
        assertTrue(withinDaysBefore(EFFECTIVE, EFFECTIVE, 90));
    }

    @Test
    void aDateAfterTheEffectiveDateIsNotWithinTheWindow() {
        assertFalse(withinDaysBefore(LocalDate.of(2027, 7, 2), EFFECTIVE, 90));
    }

    @Test
    void noDateIsNeverWithinTheWindow() {
        assertFalse(withinDaysBefore(null, EFFECTIVE, 90));
    }

    @Test
    void theWindowCountsDaysAcrossALeapDay() {
        LocalDate effective = LocalDate.of(2028, 3, 1);
        assertTrue(withinDaysBefore(LocalDate.of(2027, 12, 2), effective, 90));
        assertFalse(withinDaysBefore(LocalDate.of(2027, 12, 1), effective, 90));
    }

    @Test
    void countsTheDaysADateLiesBeforeTheEffectiveDate() {
        assertEquals(91, daysBefore(LocalDate.of(2027, 4, 1), EFFECTIVE));
        assertEquals(0, daysBefore(EFFECTIVE, EFFECTIVE));
    }

    @Test
    void aDateAfterTheEffectiveDateLiesANegativeNumberOfDaysBefore() {
        assertEquals(-1, daysBefore(LocalDate.of(2027, 7, 2), EFFECTIVE));
    }
}
