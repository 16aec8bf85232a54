package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.engine.Findings;
import java.util.List;
import java.util.Optional;

/**
 * The outcome the reasons add up to, with the reasons in reporting order, and on a referral the
 * authority it needs (the highest its reasons and authority rules ask for).
 */
public record Verdict(Outcome outcome, List<Reason> reasons, Optional<AuthorityLevel> requiredAuthority) {

    public static Verdict of(Findings found) {
        List<Reason> ordered =
                found.reasons().stream().sorted(Reason.REPORTING_ORDER).toList();
        Outcome outcome = Outcome.of(ordered);
        // Only a referral waits for a person: a decline's referral reasons need nobody's authority.
        return new Verdict(outcome, ordered, outcome == Outcome.REFER ? found.authority() : Optional.empty());
    }

    public List<String> codes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
