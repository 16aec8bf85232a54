package com.healthcyber.underwriting.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void areVersion7UuidsCarryingTheirMillisecond() {
        long millis = 1_795_000_000_123L;
        UUID id = UUID.fromString(new DecisionIds().next(millis));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void sortInTheOrderTheyWereMadeWithinOneMillisecondAndAcrossMilliseconds() {
        DecisionIds ids = new DecisionIds();
        long millis = 1_795_000_000_000L;
        String previous = ids.next(millis);
        for (int i = 0; i < 10_000; i++) {
            String next = ids.next(millis + i / 5_000);
            assertTrue(previous.compareTo(next) < 0, "made later, sorts later: " + previous + " then " + next);
            previous = next;
        }
    }

    @Test
    void neverGoBackwardsWhenTheClockDoes() {
        DecisionIds ids = new DecisionIds();
        String later = ids.next(1_795_000_001_000L);
        String afterClockSetBack = ids.next(1_795_000_000_000L);
        assertTrue(later.compareTo(afterClockSetBack) < 0);
    }
}
