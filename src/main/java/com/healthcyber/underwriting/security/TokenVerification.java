package com.healthcyber.underwriting.security;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How bearer tokens are verified. With a verification key or JWKS configured
 * ({@code mp.jwt.verify.publickey[.location]}), exactly as SmallRye JWT is configured. With
 * none (a local run), with the local key pair in the data directory, created on first start.
 * Decided at run time, not at build time, so an image never carries the build machine's key.
 */
@ApplicationScoped
public class TokenVerification {

    private static final String NONE = "NONE";

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification(
            JWTAuthContextInfoProvider configured,
            UnderwritingConfig config,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "smallrye.jwt.time-to-live") Optional<Long> maxLifetimeSeconds) {
        // NONE is SmallRye's "not set": quarkus:run and dev mode pass it (application.properties).
        if (key.filter(value -> !NONE.equals(value)).isPresent()
                || keyLocation.filter(value -> !NONE.equals(value)).isPresent()) {
            return configured.getContextInfo();
        }
        LocalSigningKeys local = LocalSigningKeys.ensure(config.data().dir());
        Log.warnf(
                "no identity provider configured: accepting tokens signed with the local key in %s (mint them with the mint-token command)",
                local.publicKeyFile().toAbsolutePath());
        JWTAuthContextInfo info = new JWTAuthContextInfo(
                local.publicKeyFile().toAbsolutePath().toUri().toString(), LocalSigningKeys.ISSUER);
        // Built here, not from configuration, so the configured limits are carried over by hand.
        maxLifetimeSeconds.ifPresent(info::setMaxTimeToLiveSecs);
        return info;
    }
}
