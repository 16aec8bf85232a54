package com.healthcyber.underwriting.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * How long a verified token is kept: until its exp, at most the maximum age, and a refusal not
 * at all. (The service's own verification accepts a token for its clock skew past exp, so over
 * HTTP the end of an entry is not visible at exp itself.)
 */
class VerifiedTokensExpiryTest {

    private final AtomicInteger verifications = new AtomicInteger();

    private VerifiedTokens.Verifier counting(JsonWebToken answer) {
        return token -> {
            verifications.incrementAndGet();
            return answer;
        };
    }

    private static JsonWebToken expiringIn(Duration left) throws ParseException {
        String token = Tokens.withClaims(Map.of(
                "iss",
                Tokens.ISSUER,
                "sub",
                "expiry",
                "exp",
                Instant.now().plus(left).getEpochSecond()));
        return new DefaultJWTParser().parseOnly(token);
    }

    @Test
    void aVerifiedTokenIsKeptUntilItsExpAndNoLonger() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(true, 100, Duration.ofMinutes(5), new SimpleMeterRegistry());
        JsonWebToken jwt = expiringIn(Duration.ofSeconds(2));
        VerifiedTokens.Verifier verifier = counting(jwt);
        assertSame(jwt, tokens.verified("t", verifier));
        assertSame(jwt, tokens.verified("t", verifier));
        assertEquals(1, verifications.get(), "verified once, then kept");
        Thread.sleep(Math.max(0, jwt.getExpirationTime() * 1000 - System.currentTimeMillis()) + 100);
        tokens.verified("t", verifier);
        assertEquals(2, verifications.get(), "verified again once its exp has passed");
    }

    @Test
    void noTokenIsKeptLongerThanTheMaximumAge() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(true, 100, Duration.ofMillis(200), new SimpleMeterRegistry());
        VerifiedTokens.Verifier verifier = counting(expiringIn(Duration.ofHours(1)));
        tokens.verified("t", verifier);
        tokens.verified("t", verifier);
        assertEquals(1, verifications.get());
        Thread.sleep(300);
        tokens.verified("t", verifier);
        assertEquals(2, verifications.get());
    }

    @Test
    void aRefusalIsNotKeptSoTheTokenIsVerifiedAndRefusedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(true, 100, Duration.ofMinutes(5), new SimpleMeterRegistry());
        VerifiedTokens.Verifier refusing = token -> {
            verifications.incrementAndGet();
            throw new ParseException("refused");
        };
        assertThrows(ParseException.class, () -> tokens.verified("t", refusing));
        assertThrows(ParseException.class, () -> tokens.verified("t", refusing));
        assertEquals(2, verifications.get());
    }

    @Test
    void offEveryRequestIsVerified() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(false, 100, Duration.ofMinutes(5), new SimpleMeterRegistry());
        VerifiedTokens.Verifier verifier = counting(expiringIn(Duration.ofHours(1)));
        tokens.verified("t", verifier);
        tokens.verified("t", verifier);
        assertEquals(2, verifications.get());
    }
}
