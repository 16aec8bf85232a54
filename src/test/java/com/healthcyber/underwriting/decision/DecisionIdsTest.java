package com.healthcyber.underwriting.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void areVersion7UuidsCarryingTheirMillisecond() {
        long millis = 1_795_000_000_123L;
        UUID id = UUID.fromString(DecisionIds.next(millis));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void sortByTimeAndDoNotRepeat() {
        String earlier = DecisionIds.next(1_795_000_000_000L);
        String later = DecisionIds.next(1_795_000_000_001L);
        assertTrue(earlier.compareTo(later) < 0, "string order is time order");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(DecisionIds.next(1_795_000_000_000L)), "unique within one millisecond");
        }
    }
}
