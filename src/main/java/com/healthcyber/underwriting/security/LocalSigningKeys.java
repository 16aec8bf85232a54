package com.healthcyber.underwriting.security;

import com.healthcyber.underwriting.config.OwnerOnlyFiles;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The signing key pair of a local run: created on first start in the data directory, so that
 * the one-command run needs no identity provider. Never used once a real key or JWKS is
 * configured, and never committed (the data directory is git-ignored).
 */
public final class LocalSigningKeys {

    public static final String ISSUER = "underwriting-local";
    static final String PRIVATE_KEY = "private-key.pem";
    static final String PUBLIC_KEY = "public-key.pem";

    private final Path directory;

    private LocalSigningKeys(Path directory) {
        this.directory = directory;
    }

    /** The key pair under {@code <dataDir>/jwt}, created if it is not there yet. */
    public static synchronized LocalSigningKeys ensure(Path dataDir) {
        LocalSigningKeys keys = new LocalSigningKeys(dataDir.resolve("jwt"));
        if (!Files.exists(keys.publicKeyFile()) || !Files.exists(keys.privateKeyFile())) {
            keys.create();
        }
        // Also a key pair made by an earlier version with wider modes: the private key mints any token.
        OwnerOnlyFiles.directory(dataDir);
        return keys;
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY);
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY);
    }

    public PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(privateKeyFile(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the local signing key in " + directory + " is unreadable; delete it to make a new one", e);
        }
    }

    private void create() {
        try {
            OwnerOnlyFiles.directory(directory);
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            write(privateKeyFile(), "PRIVATE KEY", pair.getPrivate().getEncoded());
            write(publicKeyFile(), "PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime can make RSA keys", e);
        }
    }

    /** Kept: KeyUtils reads PEM but does not write it, and the file must be owner-only before the key is in it. */
    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
        // Owner-only before the key is in it, so it is never readable by anyone else, not even briefly.
        Files.deleteIfExists(file);
        Files.createFile(file);
        OwnerOnlyFiles.file(file);
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }
}
