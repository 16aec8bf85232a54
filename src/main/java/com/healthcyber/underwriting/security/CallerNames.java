package com.healthcyber.underwriting.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a verified token whose caller name (its {@code upn}, else {@code preferred_username},
 * else {@code sub}) the decision record cannot hold as {@code requested_by}: over 255
 * characters, or with a control character (PostgreSQL refuses a NUL; a newline would forge log
 * lines). Before, such a token was decided and then answered 503 when its record failed, so its
 * platform retried for ever; it is a bad credential, so it gets 401 like any other.
 */
@ApplicationScoped
public class CallerNames implements SecurityIdentityAugmentor {

    /** The width of the record's {@code requested_by} column. */
    static final int MAX_LENGTH = 255;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || recordable(identity.getPrincipal().getName())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .failure(new AuthenticationFailedException("the token's caller name cannot be recorded"));
    }

    static boolean recordable(String name) {
        return name != null
                && !name.isEmpty()
                && name.length() <= MAX_LENGTH
                && name.chars().noneMatch(Character::isISOControl);
    }
}
