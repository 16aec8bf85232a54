package com.healthcyber.underwriting.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DailyCounts;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.StoreKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A settled day is counted once; the days still open are counted on every look. */
class SettledDaysTest {

    /** Ten decisions a day, all REFER with one code; remembers which ranges it was asked for. */
    static final class CountingRecords extends DecisionRepository {
        final List<String> asked = new ArrayList<>();

        CountingRecords() {
            super(null, StoreKind.EMBEDDED);
        }

        @Override
        public DailyCounts dailyCounts(Instant from, Instant to, Optional<Product> product) {
            asked.add(LocalDate.ofInstant(from, ZoneOffset.UTC) + ".." + LocalDate.ofInstant(to, ZoneOffset.UTC));
            List<DailyCounts.OutcomeCount> outcomes = new ArrayList<>();
            List<DailyCounts.CodeCount> codes = new ArrayList<>();
            for (LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
                    day.isBefore(LocalDate.ofInstant(to, ZoneOffset.UTC));
                    day = day.plusDays(1)) {
                outcomes.add(new DailyCounts.OutcomeCount(day, Outcome.REFER, 10));
                codes.add(new DailyCounts.CodeCount(day, "LOSS_HISTORY", 10));
            }
            return new DailyCounts(outcomes, codes);
        }
    }

    private final CountingRecords records = new CountingRecords();
    // 2027-03-10 at 12:00 UTC: days up to 03-09 are settled, 03-10 is open.
    private final SettledDays days =
            new SettledDays(records, Clock.fixed(Instant.parse("2027-03-10T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void countsSettledDaysOnceAndTheOpenDayEveryTime() {
        LocalDate from = LocalDate.parse("2027-03-01");
        LocalDate end = LocalDate.parse("2027-03-11");
        DailyCounts first = days.counts(from, end, Optional.empty());
        assertEquals(10, first.outcomes().size(), "one entry a day, the open day included");
        assertEquals(List.of("2027-03-01..2027-03-10", "2027-03-10..2027-03-11"), records.asked);

        records.asked.clear();
        DailyCounts again = days.counts(from, end, Optional.empty());
        assertEquals(first, again);
        assertEquals(List.of("2027-03-10..2027-03-11"), records.asked, "only the open day is counted again");

        records.asked.clear();
        days.counts(LocalDate.parse("2027-02-25"), end, Optional.empty());
        assertEquals(
                List.of("2027-02-25..2027-03-01", "2027-03-10..2027-03-11"),
                records.asked,
                "only the settled days not yet kept are counted");

        records.asked.clear();
        days.counts(from, end, Optional.of(Product.MEDICAL_REGISTRY));
        assertEquals(2, records.asked.size(), "each product's days are their own");
    }

    @Test
    void aDayIsOpenUntilAnHourAfterItEnds() {
        SettledDays justAfterMidnight =
                new SettledDays(records, Clock.fixed(Instant.parse("2027-03-10T00:30:00Z"), ZoneOffset.UTC));
        justAfterMidnight.counts(LocalDate.parse("2027-03-09"), LocalDate.parse("2027-03-11"), Optional.empty());
        justAfterMidnight.counts(LocalDate.parse("2027-03-09"), LocalDate.parse("2027-03-11"), Optional.empty());
        assertEquals(List.of("2027-03-09..2027-03-11", "2027-03-09..2027-03-11"), records.asked);
    }
}
