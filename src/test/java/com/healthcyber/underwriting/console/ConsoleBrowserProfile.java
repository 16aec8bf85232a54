package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.ruleset.CopiedRules;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service for the browser tests: on a private copy of the rules (a test breaks it to see the
 * refusal in the console), reloaded only on request, and with one candidate for impact analysis,
 * "stricter-patching", which refers patching slower than 21 days instead of 30.
 */
public class ConsoleBrowserProfile implements QuarkusTestProfile {

    static final Path RULES = CopiedRules.fresh();
    static final Path CANDIDATES = candidates();
    static final String CANDIDATE = "stricter-patching";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "underwriting.rules.dir", RULES.toString(),
                "underwriting.rules.watch", "false",
                "underwriting.impact.candidates-dir", CANDIDATES.toString());
    }

    private static Path candidates() {
        try {
            Path directory = Files.createTempDirectory(Path.of("target"), "console-candidates-")
                    .toAbsolutePath();
            Path candidate = directory.resolve(CANDIDATE);
            CopiedRules.restoreVersion(candidate, "v1");
            CopiedRules.edit(
                    candidate, "common/security-hygiene.drl", "criticalPatchDays > 30", "criticalPatchDays > 21");
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
