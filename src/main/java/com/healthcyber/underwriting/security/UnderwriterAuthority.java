package com.healthcyber.underwriting.security;

import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authority a resolver holds, as the identity provider states it in the token's
 * {@code uw_authority} claim: one level name (UNDERWRITER, SENIOR_UNDERWRITER,
 * UNDERWRITING_MANAGER). Read as the token gives it; whether it names a level is the referral
 * service's to judge, so that every refusal has one wording.
 */
public final class UnderwriterAuthority {

    public static final String CLAIM = "uw_authority";

    private UnderwriterAuthority() {}

    /** The claim's text; empty without a claim, or when it is not a string (a list, a number). */
    public static Optional<String> of(Principal caller) {
        if (!(caller instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = token.getClaim(CLAIM);
        return Optional.ofNullable(value instanceof String text ? text : jsonString(value));
    }

    /** SmallRye hands a claim over as a JSON value; only a JSON string is a level's name. */
    private static String jsonString(Object value) {
        return value instanceof jakarta.json.JsonString json ? json.getString() : null;
    }
}
