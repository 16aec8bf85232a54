package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = rules.resolve("common/minimum-controls.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Files.readString(Path.of("rules/common/minimum-controls.drl"))
                .replace("Controls( mfaEmail == false )", "Controls( mfaEmial == false )"));

        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-Dquarkus.http.port=0", "-Dquarkus.management.port=0", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true);
        builder.environment().put("UNDERWRITING_RULES_DIR", rules.toString());
        // Its own data directory: a test never writes to the checkout's data/.
        builder.environment().put("UNDERWRITING_DATA_DIR", data.toString());
        Process service = builder.start();
        service.getOutputStream().close();
        boolean exited = service.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(exited, "the service kept running on broken rules:\n" + output);
        assertEquals(1, service.exitValue(), output);
        assertTrue(output.contains("common/minimum-controls.drl:"), output);
        assertTrue(output.contains("rule \"Email without MFA\""), output);
        assertTrue(output.contains("mfaEmial"), output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    }
}
