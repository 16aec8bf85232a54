package com.healthcyber.underwriting.security;

import com.healthcyber.underwriting.config.OwnerOnlyFiles;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * The console's local users, for a run without an identity provider: those configured under
 * {@code underwriting.console.users}, and {@code admin}, made on first start. Passwords are kept
 * only as bcrypt hashes; the administrator's first password is written once to an owner-only file
 * in the data directory and never to the log. A configured user whose roles or authority are
 * misspelt stops the start-up: a silently powerless account is found out too late.
 */
@ApplicationScoped
@Startup
public class LocalUsers {

    public static final String ADMIN = "admin";
    /** What the administrator may do: everything the console offers, at the highest authority. */
    static final Set<String> ADMIN_ROLES = Set.of(Roles.DECISIONS_READ, Roles.RULES_ADMIN, Roles.REFERRALS_RESOLVE);

    static final String ADMIN_PASSWORD_FILE = "admin-password";
    static final String ADMIN_HASH_FILE = "admin-password.bcrypt";

    private static final Set<String> KNOWN_ROLES =
            Set.of(Roles.DECISIONS_WRITE, Roles.DECISIONS_READ, Roles.RULES_ADMIN, Roles.REFERRALS_RESOLVE);
    private static final WildFlyElytronPasswordProvider ELYTRON = WildFlyElytronPasswordProvider.getInstance();
    /** Checked against when the name is unknown, so an unknown name costs as long as a wrong password. */
    private static final String DECOY = BcryptUtil.bcryptHash("decoy: no user has this password");

    /** One account: who, its hash, what it may do. */
    record Account(String name, String passwordHash, Set<String> roles, Optional<Authority> authority) {}

    private final Map<String, Account> accounts;

    @Inject
    public LocalUsers(UnderwritingConfig config) {
        this(config.console(), config.data().dir());
    }

    LocalUsers(UnderwritingConfig.Console console, Path dataDir) {
        Map<String, Account> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        console.users().forEach((name, user) -> {
            for (String role : user.roles()) {
                if (!KNOWN_ROLES.contains(role)) {
                    problems.add("underwriting.console.users." + name + ".roles: unknown role '" + role + "' (known: "
                            + KNOWN_ROLES + ")");
                }
            }
            Optional<Authority> authority = user.authority().flatMap(Authority::parse);
            if (user.authority().isPresent() && authority.isEmpty()) {
                problems.add("underwriting.console.users." + name + ".authority: '"
                        + user.authority().get() + "' is none of " + List.of(Authority.values()));
            }
            if (!user.passwordHash().startsWith("$2")) {
                problems.add("underwriting.console.users." + name + ".password-hash: not a bcrypt hash ($2a$…)");
            }
            found.put(name, new Account(name, user.passwordHash(), Set.copyOf(user.roles()), authority));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "the console's users are misconfigured:\n  " + String.join("\n  ", problems));
        }
        if (console.createAdmin() && console.signIn().equals("form") && !found.containsKey(ADMIN)) {
            found.put(
                    ADMIN,
                    new Account(ADMIN, adminHash(dataDir), ADMIN_ROLES, Optional.of(Authority.UNDERWRITING_MANAGER)));
        }
        this.accounts = Map.copyOf(found);
    }

    /** The identity of a name and password, or empty when they do not match. Slow by design (bcrypt). */
    public Optional<SecurityIdentity> signIn(String name, char[] password) {
        Account account = accounts.get(name);
        boolean matches = verify(account == null ? DECOY : account.passwordHash(), password);
        return account != null && matches ? Optional.of(identity(account)) : Optional.empty();
    }

    /** The identity of a user signed in before (the session cookie names it), if the user still exists. */
    public Optional<SecurityIdentity> known(String name) {
        return Optional.ofNullable(accounts.get(name)).map(LocalUsers::identity);
    }

    private static SecurityIdentity identity(Account account) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.name()))
                .addRoles(account.roles());
        account.authority().ifPresent(level -> identity.addAttribute(Authority.CLAIM, level));
        return identity.build();
    }

    static boolean verify(String hash, char[] password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, ELYTRON);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The administrator's hash, made with a new random password on first start. The password
     * goes to an owner-only file once: a later start finds the hash and writes nothing, so the
     * operator may delete the password file once it is read (or changed the password by
     * configuring a user named admin).
     */
    static String adminHash(Path dataDir) {
        Path directory = OwnerOnlyFiles.directory(dataDir.resolve("console"));
        Path hashFile = directory.resolve(ADMIN_HASH_FILE);
        Path passwordFile = directory.resolve(ADMIN_PASSWORD_FILE);
        try {
            if (Files.exists(hashFile)) {
                return Files.readString(hashFile, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String hash = BcryptUtil.bcryptHash(password);
            ownerOnly(passwordFile, password + "\n");
            ownerOnly(hashFile, hash + "\n");
            Log.warnf(
                    "console: made the user '%s'; its password is in %s (readable by this user only)",
                    ADMIN, passwordFile.toAbsolutePath());
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the console administrator's password in " + directory, e);
        }
    }

    /** Owner-only before anything is in it, so it is never readable by anyone else, not even briefly. */
    private static void ownerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        OwnerOnlyFiles.file(file);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
