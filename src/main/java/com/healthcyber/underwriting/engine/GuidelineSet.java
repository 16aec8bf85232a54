package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.Application;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guideline versions deciding together, each with its rules. Immutable: a reload builds a
 * new set and swaps it in whole, so windows that move on two versions at once (a cut-over date
 * is one version's end and the next one's start) change together.
 */
public final class GuidelineSet {

    static final GuidelineSet EMPTY = new GuidelineSet(List.of());

    private final List<LiveGuideline> guidelines;

    public GuidelineSet(List<LiveGuideline> guidelines) {
        this.guidelines = List.copyOf(guidelines);
    }

    public List<LiveGuideline> all() {
        return guidelines;
    }

    public boolean isEmpty() {
        return guidelines.isEmpty();
    }

    /** The version whose window holds the application's effective date and transaction type. */
    public Optional<LiveGuideline> deciding(Application application) {
        // A linear scan: a handful of versions with two windows each costs less than any index.
        for (LiveGuideline live : guidelines) {
            if (live.guideline().decides(application)) {
                return Optional.of(live);
            }
        }
        return Optional.empty();
    }

    public Optional<LiveGuideline> named(String version) {
        return guidelines.stream()
                .filter(live -> live.version().equals(version))
                .findFirst();
    }

    /** This set with {@code replacement} in place of the version of the same name (or added). */
    public GuidelineSet with(LiveGuideline replacement) {
        List<LiveGuideline> next = new ArrayList<>();
        boolean replaced = false;
        for (LiveGuideline live : guidelines) {
            if (live.version().equals(replacement.version())) {
                next.add(replacement);
                replaced = true;
            } else {
                next.add(live);
            }
        }
        if (!replaced) {
            next.add(replacement);
        }
        return new GuidelineSet(next);
    }

    /** Takes a lease on every ruleset, or on none when one was disposed meanwhile. */
    boolean tryAcquireAll() {
        for (int i = 0; i < guidelines.size(); i++) {
            if (!guidelines.get(i).ruleSet().tryAcquire()) {
                for (int j = 0; j < i; j++) {
                    guidelines.get(j).ruleSet().release();
                }
                return false;
            }
        }
        return true;
    }

    void releaseAll() {
        guidelines.forEach(live -> live.ruleSet().release());
    }
}
