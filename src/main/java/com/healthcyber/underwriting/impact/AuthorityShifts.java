package com.healthcyber.underwriting.impact;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Counts, over replayed decisions, how the authority a referral needs moves: stored level →
 * replayed level, "none" where a side is no referral. Decisions that are a referral on neither
 * side are left out, and so are referrals recorded before their authority was kept (schema V6):
 * there is nothing to compare them with.
 */
final class AuthorityShifts {

    private record Shift(AuthorityLevel from, AuthorityLevel to) {}

    /** Lowest first, none before any level. */
    private static final Comparator<AuthorityLevel> NONE_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Map<Shift, Integer> counts =
            new TreeMap<>(Comparator.comparing(Shift::from, NONE_FIRST).thenComparing(Shift::to, NONE_FIRST));

    /**
     * Counts one replay; true when its required authority moved (as {@code decision.Replay}
     * tells it: a referral recorded without its authority never counts as moved).
     */
    boolean add(Outcome storedOutcome, AuthorityLevel from, AuthorityLevel to) {
        boolean unrecorded = storedOutcome == Outcome.REFER && from == null;
        if (!unrecorded && (from != null || to != null)) {
            counts.merge(new Shift(from, to), 1, Integer::sum);
        }
        return !unrecorded && !Objects.equals(from, to);
    }

    /** Adds another worker's counts. */
    void add(AuthorityShifts other) {
        other.counts.forEach((shift, count) -> counts.merge(shift, count, Integer::sum));
    }

    List<ImpactReport.AuthorityTransition> transitions() {
        List<ImpactReport.AuthorityTransition> list = new ArrayList<>();
        counts.forEach(
                (shift, count) -> list.add(new ImpactReport.AuthorityTransition(shift.from(), shift.to(), count)));
        return list;
    }
}
