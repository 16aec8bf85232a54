package com.healthcyber.underwriting.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts a token's {@value Authority#CLAIM} claim on its identity as an {@link Authority}, for
 * bearer tokens and the OIDC code flow alike, where local console users get it from their
 * configuration ({@link LocalUsers}). Roles need nothing here: both token mechanisms read them
 * from {@code groups}. A value that names no level gives no authority, rather than refusing the
 * token: most tokens (the platforms') carry none, and none is the least a token can do.
 */
@ApplicationScoped
public class AuthorityFromToken implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withAuthority(identity));
    }

    static SecurityIdentity withAuthority(SecurityIdentity identity) {
        if (identity.isAnonymous()
                || identity.getAttribute(Authority.CLAIM) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return identity;
        }
        Optional<Authority> level = Authority.parse(token.getClaim(Authority.CLAIM));
        if (level.isEmpty()) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Authority.CLAIM, level.get())
                .build();
    }
}
