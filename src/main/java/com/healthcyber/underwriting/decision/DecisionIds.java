package com.healthcyber.underwriting.decision;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: UUID version 7 (RFC 9562), a millisecond timestamp, a 12-bit sequence and
 * random bits. They sort by the order they were made in this service — within one millisecond
 * too, where the sequence counts up — so the record's primary key grows at one end instead of
 * at random places, and decisions of the same millisecond list in the order they were decided.
 * Ids are identifiers, not secrets: reading a decision needs the decisions:read role.
 */
final class DecisionIds {

    private static final int SEQUENCE_LIMIT = 0x1000;

    private long lastMillis;
    private int sequence;

    String next(long epochMillis) {
        long millis;
        int counter;
        synchronized (this) {
            // Never backwards, even if the clock is set back; a full millisecond borrows the next one.
            millis = Math.max(epochMillis, lastMillis);
            if (millis == lastMillis && ++sequence < SEQUENCE_LIMIT) {
                counter = sequence;
            } else {
                if (millis == lastMillis) {
                    millis++;
                }
                // A random start leaves room to count up within the millisecond.
                sequence = ThreadLocalRandom.current().nextInt(SEQUENCE_LIMIT / 2);
                counter = sequence;
            }
            lastMillis = millis;
        }
        long high = (millis << 16) | 0x7000L | counter;
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
