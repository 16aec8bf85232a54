package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.security.LocalSigningKeys;
import com.healthcyber.underwriting.security.UnderwriterAuthority;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints a bearer token for a local run, signed with the local key pair the service creates in
 * its data directory (created here if the service has not run yet). Only a service with no key
 * or JWKS configured accepts it.
 *
 * <pre>./mvnw -q compile exec:exec@mint-token -Droles=decisions:write,decisions:read</pre>
 *
 * <p>An underwriter on the referral desk also holds an authority level, the token's
 * {@code uw_authority} claim:
 *
 * <pre>./mvnw -q compile exec:exec@mint-token -Droles=decisions:read,referrals:resolve -Dauthority=SENIOR_UNDERWRITER -Duser=dana</pre>
 *
 * <p>({@code -Duser} names the caller, {@code local-user} by default: the name a resolution records.)
 */
public final class MintToken {

    /** The service refuses tokens valid for longer (smallrye.jwt.time-to-live in application.properties). */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);

    private MintToken() {}

    public static void main(String[] args) {
        StandaloneLogging.quiet();
        Set<String> roles = new LinkedHashSet<>(
                Arrays.asList((args.length > 0 ? args[0] : "decisions:write,decisions:read").split(",")));
        String dataDir = System.getProperty(
                "underwriting.data.dir", System.getenv().getOrDefault("UNDERWRITING_DATA_DIR", "data"));
        Duration lifetime = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 60);
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            System.err.println("a token may be valid for at most " + MAX_LIFETIME.toMinutes()
                    + " minutes (smallrye.jwt.time-to-live)");
            System.exit(2);
        }
        String level = System.getProperty("mint.authority", "").strip();
        Optional<AuthorityLevel> authority = AuthorityLevel.named(level);
        if (!level.isEmpty() && authority.isEmpty()) {
            System.err.println("-Dauthority must be one of "
                    + Arrays.stream(AuthorityLevel.values()).map(Enum::name).collect(Collectors.joining(", ")));
            System.exit(2);
        }
        String user = System.getProperty("mint.user", "").strip();
        System.out.println(mint(Path.of(dataDir), roles, user.isEmpty() ? LOCAL_USER : user, authority, lifetime));
    }

    static final String LOCAL_USER = "local-user";

    public static String mint(Path dataDir, Set<String> roles, Duration lifetime) {
        return mint(dataDir, roles, LOCAL_USER, Optional.empty(), lifetime);
    }

    /** With an authority, the token carries it as {@code uw_authority}: what the referral desk checks. */
    public static String mint(
            Path dataDir, Set<String> roles, String user, Optional<AuthorityLevel> authority, Duration lifetime) {
        LocalSigningKeys keys = LocalSigningKeys.ensure(dataDir);
        JwtClaimsBuilder claims = Jwt.issuer(LocalSigningKeys.ISSUER)
                .subject("local-" + String.join("+", roles))
                .upn(user)
                .groups(roles)
                .issuedAt(java.time.Instant.now())
                .expiresIn(lifetime);
        authority.ifPresent(level -> claims.claim(UnderwriterAuthority.CLAIM, level.name()));
        return claims.sign(keys.privateKey());
    }
}
