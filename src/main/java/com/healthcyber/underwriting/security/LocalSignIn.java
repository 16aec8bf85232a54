package com.healthcyber.underwriting.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The console's sign-in form: a local user's name and password ({@link LocalUsers}). */
@ApplicationScoped
public class LocalSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final LocalUsers users;

    public LocalSignIn(LocalUsers users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        // bcrypt takes tens of milliseconds by design: never on the event loop.
        return context.runBlocking(
                () -> users.signIn(request.getUsername(), request.getPassword().getPassword())
                        .orElseThrow(() -> new AuthenticationFailedException("unknown user or wrong password")));
    }
}
