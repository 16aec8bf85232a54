package com.healthcyber.underwriting.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Reads a rules directory and names its content. */
public final class RuleSources {

    private RuleSources() {}

    /**
     * Every {@code .drl} file under {@code directory}, in path order. Links are followed: a
     * Kubernetes ConfigMap volume is a tree of links that the kubelet swaps atomically.
     */
    public static List<RuleFile> read(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException(
                    "rules directory " + directory.toAbsolutePath() + " does not exist or is not a directory");
        }
        try (Stream<Path> paths = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".drl"))
                    .filter(Files::isRegularFile)
                    .map(path -> new RuleFile(relative(directory, path), readUtf8(path)))
                    .sorted((a, b) -> a.path().compareTo(b.path()))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code sha256:} over every file's relative path and content, so the same rules give the
     * same version on any machine and any change to a rule, or a renamed file, gives a new one.
     */
    public static String version(List<RuleFile> files) {
        MessageDigest sha256 = sha256();
        for (RuleFile file : files) {
            sha256.update(file.path().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(file.content().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static String readUtf8(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
