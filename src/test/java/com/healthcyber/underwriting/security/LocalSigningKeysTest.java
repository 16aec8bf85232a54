package com.healthcyber.underwriting.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local key pair mints any token the service accepts: only the service's user may read it. */
class LocalSigningKeysTest {

    @TempDir
    Path data;

    @Test
    void makesTheKeyPairReadableByItsOwnerOnly() throws IOException {
        LocalSigningKeys keys = LocalSigningKeys.ensure(data.resolve("data"));
        assertOwnerOnly(data.resolve("data"), keys);
    }

    @Test
    void tightensAKeyPairMadeWithWiderModes() throws IOException {
        Path dir = data.resolve("data");
        LocalSigningKeys keys = LocalSigningKeys.ensure(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys.publicKeyFile().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys.privateKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keys.publicKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertOwnerOnly(dir, LocalSigningKeys.ensure(dir));
    }

    private static void assertOwnerOnly(Path dataDir, LocalSigningKeys keys) throws IOException {
        assertEquals("rwx------", modes(dataDir));
        assertEquals("rwx------", modes(keys.privateKeyFile().getParent()));
        assertEquals("rw-------", modes(keys.privateKeyFile()));
        assertEquals("rw-------", modes(keys.publicKeyFile()));
    }

    private static String modes(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
