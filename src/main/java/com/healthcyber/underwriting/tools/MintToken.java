package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.security.LocalSigningKeys;
import com.healthcyber.underwriting.security.UnderwriterAuthority;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints a bearer token for a local run, signed with the local key pair the service creates in
 * its data directory (created here if the service has not run yet): the same directory and limit
 * the service is configured with. Only a service with no key or JWKS configured accepts it.
 *
 * <pre>./mvnw -q exec:exec@mint-token -Droles=decisions:write,decisions:read</pre>
 *
 * <p>An underwriter on the referral desk also holds an authority level, the token's
 * {@code uw_authority} claim:
 *
 * <pre>./mvnw -q exec:exec@mint-token -Droles=decisions:read,referrals:resolve -Dauthority=SENIOR_UNDERWRITER -Duser=dana</pre>
 *
 * <p>({@code -Duser} names the caller, {@code local-user} by default: the name a resolution records.)
 */
@Command(
        name = "mint-token",
        mixinStandardHelpOptions = true,
        description = "Prints a bearer token signed with the local key in the data directory.")
public final class MintToken implements Callable<Integer> {

    static final String LOCAL_USER = "local-user";

    @Option(
            names = "--roles",
            split = ",",
            defaultValue = "decisions:write,decisions:read",
            description = "the token's groups, comma-separated")
    Set<String> roles = new LinkedHashSet<>();

    @Option(names = "--authority", description = "the token's uw_authority: an underwriting authority level")
    String authority;

    @Option(names = "--user", description = "the caller's name (upn), what decisions and resolutions record")
    String user;

    @Option(names = "--minutes", defaultValue = "60", description = "how long the token is valid")
    long minutes;

    private final Path dataDir;
    private final Duration maxLifetime;

    MintToken(UnderwritingConfig config, @ConfigProperty(name = "smallrye.jwt.time-to-live") long maxLifetimeSeconds) {
        this.dataDir = config.data().dir();
        this.maxLifetime = Duration.ofSeconds(maxLifetimeSeconds);
    }

    @Override
    public Integer call() {
        Duration lifetime = Duration.ofMinutes(minutes);
        if (lifetime.compareTo(maxLifetime) > 0) {
            System.err.println("a token may be valid for at most " + maxLifetime.toMinutes()
                    + " minutes (smallrye.jwt.time-to-live)");
            return 2;
        }
        String level = authority == null ? "" : authority.strip();
        Optional<AuthorityLevel> named = AuthorityLevel.named(level);
        if (!level.isEmpty() && named.isEmpty()) {
            System.err.println("--authority (-Dauthority) must be one of "
                    + Arrays.stream(AuthorityLevel.values()).map(Enum::name).collect(Collectors.joining(", ")));
            return 2;
        }
        String caller = user == null ? "" : user.strip();
        System.out.println(mint(dataDir, roles, caller.isEmpty() ? LOCAL_USER : caller, named, lifetime));
        return 0;
    }

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
                .issuedAt(Instant.now())
                .expiresIn(lifetime);
        authority.ifPresent(level -> claims.claim(UnderwriterAuthority.CLAIM, level.name()));
        return claims.sign(keys.privateKey());
    }
}
