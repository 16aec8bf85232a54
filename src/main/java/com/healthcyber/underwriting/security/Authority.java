package com.healthcyber.underwriting.security;

import java.util.Optional;

/**
 * An underwriter's authority for referrals (underwriting-guidelines.md, "Underwriting authority
 * for referrals"), lowest first. A token carries it in the claim {@value #CLAIM}; a local console
 * user has it from configuration. Either way it reaches the identity as the attribute of the same name.
 */
public enum Authority {
    UNDERWRITER,
    SENIOR_UNDERWRITER,
    UNDERWRITING_MANAGER;

    /** The token claim, and the identity attribute, holding the level. */
    public static final String CLAIM = "uw_authority";

    public boolean atLeast(Authority required) {
        return compareTo(required) >= 0;
    }

    /** The level a claim or setting names, or empty when it names none of them. */
    public static Optional<Authority> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().strip().replace("\"", "");
        for (Authority authority : values()) {
            if (authority.name().equals(text)) {
                return Optional.of(authority);
            }
        }
        return Optional.empty();
    }
}
