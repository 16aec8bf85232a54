package com.healthcyber.underwriting.impact;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.engine.LiveGuideline;
import java.util.Optional;

/**
 * The rules a stored decision is replayed on, chosen per decision: the version in force for its
 * own effective date and transaction type, one version for every decision (the cut-over
 * question), or a candidate.
 */
@FunctionalInterface
public interface ReplayRules {

    /** Empty when no version decides the application. */
    Optional<LiveGuideline> forApplication(Application application);

    static ReplayRules always(LiveGuideline rules) {
        Optional<LiveGuideline> chosen = Optional.of(rules);
        return application -> chosen;
    }
}
