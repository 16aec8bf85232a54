package com.healthcyber.underwriting.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's local users: bcrypt hashes from configuration, and the administrator of a first start. */
class LocalUsersTest {

    @TempDir
    Path data;

    @Test
    void aFirstStartMakesTheAdministratorWithARandomPasswordInAnOwnerOnlyFileWrittenOnce() throws Exception {
        new LocalUsers(console(Map.of(), "form"), data);
        Path file = data.resolve("console/admin-password");
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 20, "a long random password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("console"))));
        String hash = Files.readString(data.resolve("console/admin-password.bcrypt"));
        assertFalse(hash.contains(password), "the password is kept hashed");

        // A later start writes nothing and the same password still signs in; the file may be deleted once read.
        Files.delete(file);
        LocalUsers later = new LocalUsers(console(Map.of(), "form"), data);
        assertFalse(Files.exists(file));
        SecurityIdentity admin = later.signIn("admin", password.toCharArray()).orElseThrow();
        assertEquals(LocalUsers.ADMIN_ROLES, admin.getRoles());
        assertEquals(Authority.UNDERWRITING_MANAGER, admin.getAttribute(Authority.CLAIM));
    }

    @Test
    void noAdministratorIsMadeWhenTheConsoleSignsInThroughAnIdentityProvider() {
        LocalUsers users = new LocalUsers(console(Map.of(), "code"), data);
        assertFalse(Files.exists(data.resolve("console/admin-password")));
        assertTrue(users.known("admin").isEmpty());
    }

    @Test
    void aConfiguredUserSignsInWithItsPasswordOnly() {
        LocalUsers users = new LocalUsers(
                console(Map.of("alice", user("s3cret", List.of(Roles.DECISIONS_READ), "SENIOR_UNDERWRITER")), "form"),
                data);
        SecurityIdentity alice = users.signIn("alice", "s3cret".toCharArray()).orElseThrow();
        assertEquals(Set.of(Roles.DECISIONS_READ), alice.getRoles());
        assertTrue(users.signIn("alice", "wrong".toCharArray()).isEmpty());
        assertTrue(users.signIn("bob", "s3cret".toCharArray()).isEmpty());
        assertTrue(users.known("bob").isEmpty());
    }

    @Test
    void aMisspeltRoleAuthorityOrHashStopsTheStart() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> new LocalUsers(
                        console(
                                Map.of(
                                        "carol",
                                        user("x", List.of("decisions:reed"), "SENIOR"),
                                        "dave",
                                        new Local("plain-text", List.of(Roles.DECISIONS_READ), Optional.empty())),
                                "form"),
                        data));
        assertTrue(refused.getMessage().contains("carol.roles: unknown role 'decisions:reed'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("carol.authority: 'SENIOR'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("dave.password-hash: not a bcrypt hash"), refused.getMessage());
    }

    /** A token (bearer, or the OIDC code flow) and a local user with the same groups and level are the same underwriter. */
    @Test
    void rolesAndAuthorityMeanTheSameWhicheverWayOneSignedIn() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("erin");
        claims.setStringListClaim("groups", List.of(Roles.DECISIONS_READ));
        claims.setClaim(Authority.CLAIM, "SENIOR_UNDERWRITER");
        // Both token mechanisms make the identity's roles from the groups claim.
        SecurityIdentity fromToken = AuthorityFromToken.withAuthority(QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRoles(Set.of(Roles.DECISIONS_READ))
                .build());
        LocalUsers users = new LocalUsers(
                console(Map.of("erin", user("pw", List.of(Roles.DECISIONS_READ), "SENIOR_UNDERWRITER")), "form"), data);
        SecurityIdentity local = users.signIn("erin", "pw".toCharArray()).orElseThrow();
        assertEquals(Underwriter.of(local), Underwriter.of(fromToken));
        assertEquals(
                Optional.of(Authority.SENIOR_UNDERWRITER),
                Underwriter.of(fromToken).authority());

        claims.setClaim(Authority.CLAIM, "CHIEF");
        SecurityIdentity unknownLevel = AuthorityFromToken.withAuthority(QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .build());
        assertEquals(Optional.empty(), Underwriter.of(unknownLevel).authority(), "a level that names none gives none");
    }

    private static Local user(String password, List<String> roles, String authority) {
        return new Local(BcryptUtil.bcryptHash(password), roles, Optional.of(authority));
    }

    record Local(String passwordHash, List<String> roles, Optional<String> authority)
            implements UnderwritingConfig.Console.LocalUser {}

    private static UnderwritingConfig.Console console(
            Map<String, ? extends UnderwritingConfig.Console.LocalUser> users, String signIn) {
        return new UnderwritingConfig.Console() {
            @Override
            @SuppressWarnings("unchecked")
            public Map<String, LocalUser> users() {
                return (Map<String, LocalUser>) users;
            }

            @Override
            public boolean createAdmin() {
                return true;
            }

            @Override
            public String signIn() {
                return signIn;
            }
        };
    }
}
