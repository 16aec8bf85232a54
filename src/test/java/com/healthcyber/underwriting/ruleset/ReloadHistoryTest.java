package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReloadHistoryTest {

    @Test
    void keepsTheLatestAttemptsNewestFirst() {
        ReloadHistory history = new ReloadHistory(3);
        for (int i = 1; i <= 5; i++) {
            history.add(attempt(i));
        }
        assertEquals(
                List.of(5L, 4L, 3L),
                history.newestFirst().stream()
                        .map(ReloadAttempt::durationMillis)
                        .toList());
    }

    @Test
    void isEmptyBeforeTheFirstAttempt() {
        assertEquals(List.of(), new ReloadHistory(20).newestFirst());
    }

    @Test
    void refusesAHistoryThatKeepsNothing() {
        assertThrows(IllegalArgumentException.class, () -> new ReloadHistory(0));
    }

    private static ReloadAttempt attempt(long marker) {
        return new ReloadAttempt(
                ReloadTrigger.API, ReloadStatus.UNCHANGED, Instant.EPOCH, marker, List.of(), List.of(), List.of());
    }
}
