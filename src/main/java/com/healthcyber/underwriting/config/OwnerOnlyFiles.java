package com.healthcyber.underwriting.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The service's own files — the embedded decision store, the local signing key — are its user's
 * only: directories 0700, files 0600. They hold every applicant's security posture and a key
 * that mints tokens; the process umask (often 022) would make them world-readable.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /**
     * Creates the directory if it is missing and makes it, and everything already under it,
     * owner-only (files left by an earlier version with wider modes included). Returns it.
     */
    public static Path directory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (!posix(directory)) {
                return directory; // not a POSIX file system: its own access control applies
            }
            List<Path> entries;
            try (Stream<Path> walk = Files.walk(directory)) {
                entries = walk.toList();
            }
            for (Path entry : entries) {
                if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, DIRECTORY);
                } else if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(entry, FILE);
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + directory + " readable by its owner only", e);
        }
    }

    /** Makes one file owner-only. */
    public static void file(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
