package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The violations of one request as they are found, listing at most a fixed number and only
 * counting the rest: a hostile body can hold tens of thousands of problems, and naming each one
 * (its path, its message, sorting them) would cost more than deciding many honest requests.
 */
final class Problems {

    private final int listable;
    private final List<Violation> listed = new ArrayList<>();
    private int unlisted;

    Problems(int listable) {
        this.listable = listable;
    }

    /** Records a problem at the value the parser stands on; its path is worked out only if it is listed. */
    void add(JsonParser parser, String message) {
        if (listed.size() < listable) {
            listed.add(new Violation(JsonFieldPath.of(parser), message));
        } else {
            unlisted++;
        }
    }

    void add(Violation violation) {
        if (listed.size() < listable) {
            listed.add(violation);
        } else {
            unlisted++;
        }
    }

    /**
     * Records a problem that is listed even past the cap: a list over its bound says what is
     * really wrong with a body whose entries are all wrong, and there are only a few lists.
     */
    void addAlways(Violation violation) {
        listed.add(violation);
    }

    boolean isEmpty() {
        return listed.isEmpty();
    }

    boolean allListed() {
        return unlisted == 0;
    }

    Set<String> listedFields() {
        Set<String> fields = new HashSet<>();
        listed.forEach(violation -> fields.add(violation.field()));
        return fields;
    }

    /** The listed violations in field order, then one that says how many more there are. */
    List<Violation> report(String unlistedNote) {
        List<Violation> report = new ArrayList<>(listed);
        report.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        if (unlisted > 0) {
            report.add(
                    new Violation(Violation.BODY, "and " + unlisted + " more violations, not listed" + unlistedNote));
        }
        return report;
    }
}
