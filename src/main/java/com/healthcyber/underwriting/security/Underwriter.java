package com.healthcyber.underwriting.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is signed in, as the console and the API see it: a name, the roles of {@link Roles}, and an
 * authority level if any. Read the same way from every identity — a bearer token, the OIDC code
 * flow, a local console user — so a role or a level means the same thing whichever way one signed in.
 */
public record Underwriter(String name, Set<String> roles, Optional<Authority> authority) {

    public static Underwriter of(SecurityIdentity identity) {
        Object level = identity.getAttribute(Authority.CLAIM);
        return new Underwriter(
                identity.getPrincipal().getName(),
                new TreeSet<>(identity.getRoles()),
                level instanceof Authority authority ? Optional.of(authority) : Optional.empty());
    }

    /** The authority level's name, or empty: for pages. */
    public String level() {
        return authority.map(Enum::name).orElse("");
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
