package com.healthcyber.underwriting.decision;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: UUID version 7 (RFC 9562), a millisecond timestamp followed by random bits.
 * They sort by the time they were made, so the record's primary key grows at one end instead
 * of at random places: a random (version 4) key made every insert touch a different index
 * page. Ids are identifiers, not secrets: reading a decision needs the decisions:read role.
 */
final class DecisionIds {

    private DecisionIds() {}

    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
