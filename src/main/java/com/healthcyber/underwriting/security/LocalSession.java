package com.healthcyber.underwriting.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A console session: the form sign-in's encrypted cookie names a local user who signed in
 * earlier. The roles come from the configuration as it is now, so a user removed or demoted
 * loses the access at the next request, not at the end of the session.
 */
@ApplicationScoped
public class LocalSession implements IdentityProvider<TrustedAuthenticationRequest> {

    private final LocalUsers users;

    public LocalSession(LocalUsers users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom()
                .item(() -> users.known(request.getPrincipal())
                        .orElseThrow(() -> new AuthenticationFailedException("no such console user")));
    }
}
