package com.healthcyber.underwriting.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A private copy of the real rules directory, or of one guideline version, that a test may break and restore. */
public final class CopiedRules {

    private CopiedRules() {}

    /** A copy of {@code rules/}, every guideline version: what the service reads. */
    public static Path fresh() {
        Path copy = Path.of("target", "rules-under-test", UUID.randomUUID().toString())
                .toAbsolutePath();
        restore(copy);
        return copy;
    }

    /** A copy of one version's folder ({@code rules/v1}), named as the version: what a compiler or a candidate reads. */
    public static Path freshVersion(String version) {
        Path copy = Path.of("target", "rules-under-test", UUID.randomUUID().toString(), version)
                .toAbsolutePath();
        restoreVersion(copy, version);
        return copy;
    }

    /** Makes {@code copy} identical to {@code rules/} again. */
    public static void restore(Path copy) {
        copyTree(Path.of("rules"), copy);
    }

    /** Makes {@code copy} identical to {@code rules/<version>} again. */
    public static void restoreVersion(Path copy, String version) {
        copyTree(Path.of("rules", version), copy);
    }

    private static void copyTree(Path source, Path copy) {
        try {
            if (Files.exists(copy)) {
                try (Stream<Path> paths = Files.walk(copy)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path target = copy.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void edit(Path copy, String file, String from, String to) {
        try {
            Path path = copy.resolve(file);
            String content = Files.readString(path);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, content.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
