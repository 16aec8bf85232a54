package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.ruleset.CopiedRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged service refuses to start on broken rules and says where they are broken. */
class BrokenRulesStartupIT {

    @TempDir
    Path rules;

    @TempDir
    Path data;

    @Test
    void refusesToStartOnBrokenRulesNamingFileLineAndRule() throws Exception {
        Path file = rules.resolve("v1/common/minimum-controls.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                Files.readString(Path.of("rules/v1/common/minimum-controls.drl"))
                        .replace("Controls( mfaEmail == false )", "Controls( mfaEmial == false )"));
        Files.copy(Path.of("rules/v1/guideline.json"), rules.resolve("v1/guideline.json"));

        String output = start(rules);

        assertTrue(output.contains("v1/common/minimum-controls.drl:"), output);
        assertTrue(output.contains("rule \"Email without MFA\""), output);
        assertTrue(output.contains("mfaEmial"), output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    }

    @Test
    void reportsASyntaxErrorFirstWhenRefusingToStart() throws Exception {
        Path copy = CopiedRules.fresh();
        CopiedRules.edit(
                copy,
                "v1/common/product-appetite.drl",
                "    Application( $product : product )",
                "    Application( $product : product ");
        String output = start(copy);
        List<String> lines = output.lines().toList();
        int refusal = lines.indexOf(lines.stream()
                .filter(line -> line.contains("Not starting"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(output)));
        assertTrue(
                lines.get(refusal + 1)
                        .startsWith(
                                "  v1/common/product-appetite.drl:20 rule \"Organization type outside the product's appetite\""),
                output);
        assertFalse(output.contains("cyber-healthcare/appetite.drl"), "no consequence in another file:\n" + output);
    }

    /** Starts the packaged service on {@code rulesDirectory}, which must make it exit with status 1, and returns its output. */
    private String start(Path rulesDirectory) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-Xmx256m",
                        "-Dquarkus.http.port=0",
                        "-Dquarkus.management.port=0",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true);
        builder.environment().put("UNDERWRITING_RULES_DIR", rulesDirectory.toString());
        // Its own data directory: a test never writes to the checkout's data/.
        builder.environment().put("UNDERWRITING_DATA_DIR", data.toString());
        Process service = builder.start();
        service.getOutputStream().close();
        boolean exited = service.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(exited, "the service kept running on broken rules:\n" + output);
        assertEquals(1, service.exitValue(), output);
        return output;
    }
}
