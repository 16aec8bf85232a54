package com.healthcyber.underwriting.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Payloads {
    private Payloads() {}

    static String contractExampleWithPatchDays(int days) {
        try {
            return Files.readString(Path.of("src/main/resources/examples/cyber-healthcare-application.json"))
                    .replace("\"criticalPatchDays\": 14", "\"criticalPatchDays\": " + days);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
