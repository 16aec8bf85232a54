package com.healthcyber.underwriting.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature, issuer and expiry were verified, so that a token reused for an
 * hour pays its RS256 signature check once, not on every request (half a baseline request's
 * cost). Keyed by the whole token, so a tampered or re-signed token, whatever its claims, is a
 * different key and is verified afresh. An entry lasts until the token's {@code exp} and at
 * most {@code underwriting.token-cache.max-age}; bounded in size (the least used go first).
 * Only successes are kept: a refused token is verified again on every request, and refused
 * again, so no refusal can turn into an acceptance and a passing failure to fetch a key
 * locks nobody out.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** A verification: what a caller would otherwise do, the signature check included. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(UnderwritingConfig config, MeterRegistry registry) {
        this(
                config.tokenCache().enabled(),
                config.tokenCache().maxSize(),
                config.tokenCache().maxAge(),
                registry);
    }

    VerifiedTokens(boolean enabled, int maxSize, Duration maxAge, MeterRegistry registry) {
        if (!enabled) {
            verified = null;
            return;
        }
        long maxAgeNanos = maxAge.toNanos();
        verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> untilExpiry(jwt, maxAgeNanos)))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, verified, "bearer-tokens");
    }

    public JsonWebToken verified(String token, Verifier verifier) throws ParseException {
        if (verified == null) {
            return verifier.verify(token);
        }
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = verifier.verify(token); // throws when refused: nothing is kept
        verified.put(token, jwt);
        return jwt;
    }

    /**
     * Until {@code exp} (seconds), and no longer than the maximum age. A token without one, which
     * the verification does not let through, would be kept for the maximum age.
     */
    static Duration untilExpiry(JsonWebToken jwt, long maxAgeNanos) {
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return Duration.ofNanos(maxAgeNanos);
        }
        long left = TimeUnit.MILLISECONDS.toNanos(exp * 1000 - System.currentTimeMillis());
        return Duration.ofNanos(Math.max(0, Math.min(left, maxAgeNanos)));
    }
}
