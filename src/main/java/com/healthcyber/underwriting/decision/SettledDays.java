package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DailyCounts;
import com.healthcyber.underwriting.audit.DecisionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The book's daily counts, each settled day counted once. The record is append-only and a
 * decision's time is when it was decided, so a day that ended long enough ago never changes:
 * its counts are kept (a few hundred bytes a day) and only the days still open are counted
 * again, which keeps the book's page fast however long the history is (docs/benchmarks.md).
 * "Long enough" is an hour: a decision is committed within the store's write timeout (seconds)
 * or its request fails; only a record a hung database committed more than an hour late would
 * be missing from a settled day, until the service restarts.
 */
final class SettledDays {

    static final Duration SETTLING = Duration.ofHours(1);
    /** Days kept, at most: every product and "any" over two years, with room to spare. */
    private static final int CAPACITY = 4096;

    private record Key(LocalDate day, Optional<Product> product) {}

    private final DecisionRepository records;
    private final Clock clock;
    private final Map<Key, DailyCounts> settled = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, DailyCounts> eldest) {
            return size() > CAPACITY;
        }
    };

    SettledDays(DecisionRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The counts of the days {@code [from, end)}. */
    DailyCounts counts(LocalDate from, LocalDate end, Optional<Product> product) {
        LocalDate firstOpen = LocalDate.ofInstant(clock.instant().minus(SETTLING), ZoneOffset.UTC);
        LocalDate settledEnd = end.isBefore(firstOpen) ? end : firstOpen;
        List<DailyCounts.OutcomeCount> outcomes = new ArrayList<>();
        List<DailyCounts.CodeCount> codes = new ArrayList<>();
        if (from.isBefore(settledEnd)) {
            fillMissing(from, settledEnd, product);
            for (LocalDate day = from; day.isBefore(settledEnd); day = day.plusDays(1)) {
                DailyCounts counted;
                synchronized (settled) {
                    counted = settled.get(new Key(day, product));
                }
                if (counted == null) { // pushed out by other pictures meanwhile: counted again
                    counted = records.dailyCounts(start(day), start(day.plusDays(1)), product);
                }
                outcomes.addAll(counted.outcomes());
                codes.addAll(counted.reasonCodes());
            }
        }
        LocalDate openFrom = from.isAfter(settledEnd) ? from : settledEnd;
        if (openFrom.isBefore(end)) {
            DailyCounts open = records.dailyCounts(start(openFrom), start(end), product);
            outcomes.addAll(open.outcomes());
            codes.addAll(open.reasonCodes());
        }
        return new DailyCounts(outcomes, codes);
    }

    /** Counts, in one query, the settled days of {@code [from, end)} not yet kept, and keeps them. */
    private void fillMissing(LocalDate from, LocalDate end, Optional<Product> product) {
        LocalDate first = null;
        LocalDate last = null;
        synchronized (settled) {
            for (LocalDate day = from; day.isBefore(end); day = day.plusDays(1)) {
                if (!settled.containsKey(new Key(day, product))) {
                    first = first == null ? day : first;
                    last = day;
                }
            }
        }
        if (first == null) {
            return;
        }
        DailyCounts counted = records.dailyCounts(start(first), start(last.plusDays(1)), product);
        synchronized (settled) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                LocalDate of = day;
                settled.put(
                        new Key(day, product),
                        new DailyCounts(
                                counted.outcomes().stream()
                                        .filter(count -> count.day().equals(of))
                                        .toList(),
                                counted.reasonCodes().stream()
                                        .filter(count -> count.day().equals(of))
                                        .toList()));
            }
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
