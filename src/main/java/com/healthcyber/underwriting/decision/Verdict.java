package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Reason;
import java.util.Collection;
import java.util.List;

/** The outcome the reasons add up to, with the reasons in reporting order. */
public record Verdict(Outcome outcome, List<Reason> reasons) {

    public static Verdict of(Collection<Reason> found) {
        List<Reason> ordered = found.stream().sorted(Reason.REPORTING_ORDER).toList();
        return new Verdict(Outcome.of(ordered), ordered);
    }

    public List<String> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
