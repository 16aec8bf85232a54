package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.AuthorityLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The open referrals by how long they have waited, per the authority they need: band {@code i}
 * holds those that waited less than {@code bounds[i]} and at least {@code bounds[i - 1]}; the
 * last band, at least the last bound. A referral decided after {@code asOf} (another replica's
 * clock) counts as waiting no time.
 *
 * @param counts for every level, one count per band (bounds + 1 of them)
 */
public record ReferralAges(Instant asOf, List<Duration> bounds, Map<AuthorityLevel, List<Long>> counts) {

    public ReferralAges {
        bounds = List.copyOf(bounds);
        counts = Map.copyOf(counts);
    }

    public long inBand(int band) {
        return counts.values().stream().mapToLong(levels -> levels.get(band)).sum();
    }

    public long total() {
        return counts.values().stream()
                .flatMap(List::stream)
                .mapToLong(Long::longValue)
                .sum();
    }
}
