package com.healthcyber.underwriting.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who may resolve a referral, lowest first: the guideline's "Underwriting authority for
 * referrals". The order is the authority: a level covers every level below it.
 */
public enum AuthorityLevel {
    UNDERWRITER,
    SENIOR_UNDERWRITER,
    UNDERWRITING_MANAGER;

    /** Whether someone holding this level may resolve a referral that needs {@code required}. */
    public boolean covers(AuthorityLevel required) {
        return compareTo(required) >= 0;
    }

    /** The level named exactly so (as a token claim or rule metadata spells it), or empty. */
    public static Optional<AuthorityLevel> named(String name) {
        return Arrays.stream(values())
                .filter(level -> level.name().equals(name))
                .findFirst();
    }

    public static AuthorityLevel highest(AuthorityLevel a, AuthorityLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
