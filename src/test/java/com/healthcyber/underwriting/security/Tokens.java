package com.healthcyber.underwriting.security;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Bearer tokens for tests, signed with the test key the test profile trusts. */
public final class Tokens {

    public static final String ISSUER = "underwriting-test";
    public static final Set<String> ALL_ROLES =
            Set.of(Roles.DECISIONS_WRITE, Roles.DECISIONS_READ, Roles.RULES_ADMIN, Roles.REFERRALS_RESOLVE);

    private Tokens() {}

    public static String withRoles(String... roles) {
        return Jwt.issuer(ISSUER)
                .subject("test")
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10))
                .sign(testKey());
    }

    /** A token for another caller than "test": idempotency keys are per caller. */
    public static String withRolesFor(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(10))
                .sign(testKey());
    }

    /**
     * An underwriter's token: {@code subject} is the name resolutions record, {@code authority}
     * the {@code uw_authority} claim exactly as given (a level, or anything else), none when null.
     */
    public static String underwriter(String subject, Object authority, String... roles) {
        var claims = Jwt.issuer(ISSUER).subject(subject).groups(Set.of(roles));
        if (authority != null) {
            claims.claim(UnderwriterAuthority.CLAIM, authority);
        }
        return claims.expiresIn(Duration.ofMinutes(10)).sign(testKey());
    }

    /** A resolver on the desk with {@code authority}, and the read role the desk's queue needs. */
    public static String resolver(String subject, String authority) {
        return underwriter(subject, authority, Roles.REFERRALS_RESOLVE, Roles.DECISIONS_READ);
    }

    public static String expired() {
        return Jwt.issuer(ISSUER)
                .subject("test")
                .groups(ALL_ROLES)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign(testKey());
    }

    /** Issued now with every role, valid for {@code lifetime}. */
    public static String validFor(Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .subject("test")
                .groups(ALL_ROLES)
                .issuedAt(Instant.now())
                .expiresIn(lifetime)
                .sign(testKey());
    }

    public static String fromAnotherIssuer() {
        return Jwt.issuer("someone-else")
                .subject("test")
                .groups(ALL_ROLES)
                .expiresIn(Duration.ofMinutes(10))
                .sign(testKey());
    }

    /** Exactly these claims, signed with the test key. */
    public static String withClaims(Map<String, Object> claims) {
        return Jwt.claims(claims).sign(testKey());
    }

    public static String signedWith(PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .subject("test")
                .groups(ALL_ROLES)
                .expiresIn(Duration.ofMinutes(10))
                .sign(key);
    }

    /** The settings that make a packaged service accept these test tokens (and make no local key). */
    public static Map<String, String> verificationEnvironment() {
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of("src/test/resources/jwt/test-public.pem")
                        .toAbsolutePath()
                        .toUri()
                        .toString(),
                "MP_JWT_VERIFY_ISSUER",
                ISSUER);
    }

    /** Every request of the calling test class carries a token with every role. */
    public static void authenticateEveryRequest() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + withRoles(ALL_ROLES.toArray(String[]::new)))
                .build();
    }

    public static void anonymousRequests() {
        RestAssured.requestSpecification = null;
    }

    private static PrivateKey testKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/jwt/test-private.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
