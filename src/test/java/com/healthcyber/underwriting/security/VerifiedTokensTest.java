package com.healthcyber.underwriting.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.Payloads;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verified tokens are kept, and only they: an expired, tampered or re-signed token is refused
 * even while a valid one with the same claims is kept.
 */
@QuarkusTest
class VerifiedTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void anonymous() {
        Tokens.anonymousRequests();
    }

    private static int decide(String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .extract()
                .statusCode();
    }

    private double cacheGets(String result) {
        FunctionCounter counter = registry.find("cache.gets")
                .tag("cache", "bearer-tokens")
                .tag("result", result)
                .functionCounter();
        assertNotNull(counter, "the verified tokens' cache reports its " + result + "s");
        return counter.count();
    }

    /** Claims of a token that can decide, unique to the test, valid for the given seconds. */
    private static Map<String, Object> claims(long validForSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Tokens.ISSUER);
        claims.put("sub", "cache-" + UUID.randomUUID());
        claims.put("groups", List.of(Roles.DECISIONS_WRITE));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().getEpochSecond() + validForSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    @Test
    void aTokenIsVerifiedOnceAndThenKept() {
        String token = Tokens.withClaims(claims(600));
        double hits = cacheGets("hit");
        assertEquals(200, decide(token));
        assertEquals(200, decide(token));
        assertEquals(200, decide(token));
        assertEquals(hits + 2, cacheGets("hit"), "the second and third request find the verified token");
    }

    @Test
    void aTamperedTokenIsRefusedWhileTheValidOneIsKept() throws Exception {
        String token = Tokens.withClaims(claims(600));
        assertEquals(200, decide(token));
        String[] parts = token.split("\\.");
        // The same claims but for the roles, with the valid token's signature.
        Map<String, Object> elevated = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
        elevated.put("groups", List.of(Roles.DECISIONS_WRITE, Roles.DECISIONS_READ, Roles.RULES_ADMIN));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(elevated));
        assertEquals(401, decide(parts[0] + "." + payload + "." + parts[2]));
        // The same claims, exactly, with a signature one character off.
        char last = parts[2].charAt(parts[2].length() - 2);
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertNotEquals(token, forged);
        assertEquals(401, decide(forged));
        assertEquals(401, decide(forged), "refused again");
        assertEquals(200, decide(token));
    }

    @Test
    void aTokenReSignedWithAnotherKeyIsRefusedWhileTheValidOneIsKept() throws Exception {
        Map<String, Object> claims = claims(600);
        String token = Tokens.withClaims(claims);
        assertEquals(200, decide(token));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String reSigned = Jwt.claims(claims).sign(generator.generateKeyPair().getPrivate());
        assertEquals(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8),
                new String(Base64.getUrlDecoder().decode(reSigned.split("\\.")[1]), StandardCharsets.UTF_8),
                "the same claims");
        assertEquals(401, decide(reSigned));
        assertEquals(401, decide(reSigned), "refused again");
        assertEquals(200, decide(token));
    }

    @Test
    void anExpiredTokenWithTheSameClaimsIsRefusedWhileTheValidOneIsKept() {
        Map<String, Object> claims = claims(600);
        String token = Tokens.withClaims(claims);
        assertEquals(200, decide(token));
        Map<String, Object> expired = new LinkedHashMap<>(claims);
        expired.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
        expired.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
        String expiredToken = Tokens.withClaims(expired);
        assertEquals(401, decide(expiredToken));
        assertEquals(401, decide(expiredToken), "refused again");
        assertEquals(200, decide(token));
    }
}
