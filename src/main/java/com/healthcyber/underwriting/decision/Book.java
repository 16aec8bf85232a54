package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.audit.DailyCounts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book of business over a period: decisions per day or per week (ISO weeks, from Monday,
 * UTC), by outcome and by reason code, every period listed even when nothing was decided in it.
 *
 * @param topCodes the codes given most over the whole period, most first, at most {@link #TOP_CODES}
 */
public record Book(Per per, List<Period> periods, List<String> topCodes) {

    public static final int TOP_CODES = 8;

    public enum Per {
        DAY,
        WEEK;

        LocalDate start(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        LocalDate next(LocalDate start) {
            return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
        }
    }

    /** One day or week: decisions per outcome (every outcome, zero included) and per code. */
    public record Period(LocalDate start, Map<Outcome, Long> outcomes, Map<String, Long> codes) {
        public long decisions() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }

        public long code(String code) {
            return codes.getOrDefault(code, 0L);
        }
    }

    /** The periods that cover {@code [first, end)}, filled from the record's daily counts. */
    static Book of(Per per, LocalDate first, LocalDate end, DailyCounts counts) {
        Map<LocalDate, Map<Outcome, Long>> outcomes = new LinkedHashMap<>();
        Map<LocalDate, Map<String, Long>> codes = new LinkedHashMap<>();
        for (LocalDate start = per.start(first); start.isBefore(end); start = per.next(start)) {
            Map<Outcome, Long> zero = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                zero.put(outcome, 0L);
            }
            outcomes.put(start, zero);
            codes.put(start, new HashMap<>());
        }
        counts.outcomes().forEach(count -> {
            Map<Outcome, Long> period = outcomes.get(per.start(count.day()));
            if (period != null) {
                period.merge(count.outcome(), count.count(), Long::sum);
            }
        });
        Map<String, Long> overall = new HashMap<>();
        counts.reasonCodes().forEach(count -> {
            Map<String, Long> period = codes.get(per.start(count.day()));
            if (period != null) {
                period.merge(count.code(), count.count(), Long::sum);
                overall.merge(count.code(), count.count(), Long::sum);
            }
        });
        List<Period> periods = new ArrayList<>();
        outcomes.forEach((start, perOutcome) ->
                periods.add(new Period(start, Map.copyOf(perOutcome), Map.copyOf(codes.get(start)))));
        List<String> top = overall.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_CODES)
                .map(Map.Entry::getKey)
                .toList();
        return new Book(per, List.copyOf(periods), top);
    }
}
