package com.healthcyber.underwriting.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.PackagedService;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools as underwriters and developers run them: commands of the packaged application, with
 * its configuration and beans, beside a running service. A command opens no listener (it runs
 * while the service's ports are taken), and touches no store it does not read.
 */
class ToolsIT {

    @TempDir
    Path data;

    record Run(int status, String out, String err) {}

    @Test
    void verifiesTheRulesWhileTheServicesPortsAreTaken() throws Exception {
        try (ServerSocket http = new ServerSocket(0);
                ServerSocket management = new ServerSocket(0)) {
            Map<String, String> ports = Map.of(
                    "QUARKUS_HTTP_PORT", Integer.toString(http.getLocalPort()),
                    "QUARKUS_MANAGEMENT_PORT", Integer.toString(management.getLocalPort()),
                    "UNDERWRITING_DATA_DIR", data.toString());
            Run verified = run(ports, "verify-rules", "rules");
            assertEquals(0, verified.status(), verified.toString());
            assertTrue(verified.out().contains("VERIFIED: these rules can go live."), verified.out());
            assertTrue(
                    verified.out().contains("Windows: ok, every application is decided by exactly one version"),
                    verified.out());

            Path copy = CopiedRules.freshVersion("v1");
            CopiedRules.edit(
                    copy,
                    "common/minimum-controls.drl",
                    "Controls( mfaEmail == false )",
                    "Controls( mfaEmial == false )");
            Run refused = run(ports, "verify-rules", copy.toString());
            assertEquals(1, refused.status(), refused.toString());
            assertTrue(
                    refused.out().contains("PROBLEM common/minimum-controls.drl:20 rule \"Email without MFA\""),
                    refused.out());
        }
        assertFalse(Files.exists(data.resolve("decisions.mv.db")), "verify-rules never opens the store");
        assertFalse(Files.exists(data.resolve("console")), "a command makes no console administrator");
    }

    @Test
    void mintsOneTokenOnStdoutThatTheServiceOnTheSameDataDirectoryAccepts() throws Exception {
        Map<String, String> environment = Map.of("UNDERWRITING_DATA_DIR", data.toString());
        Run minted = run(environment, "mint-token", "--roles=decisions:write", "--user=dana");
        assertEquals(0, minted.status(), minted.toString());
        List<String> lines = minted.out().lines().toList();
        assertEquals(1, lines.size(), "stdout is the token alone, for TOKEN=$(…): " + minted);
        assertTrue(lines.get(0).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), minted.out());
        assertFalse(Files.exists(data.resolve("decisions.mv.db")), "mint-token never opens the store");

        Run tooLong = run(environment, "mint-token", "--minutes=1441");
        assertEquals(2, tooLong.status(), tooLong.toString());
        assertTrue(tooLong.err().contains("at most 1440 minutes"), tooLong.toString());

        try (PackagedService service = PackagedService.start(environment)) {
            assertEquals(
                    200,
                    service.decide(lines.get(0), Payloads.contractExample()).statusCode());
        }
    }

    @Test
    void impactPointsToTheServiceWhileItHoldsTheStoreAndReadsTheStoreOnceItIsFree() throws Exception {
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedStoreHolder.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, String> environment = Map.of("UNDERWRITING_DATA_DIR", data.toString());
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            for (String line = said.readLine(); !"open".equals(line); line = said.readLine()) {
                assertTrue(line != null, "the stand-in service did not open the store");
            }
            Run refused = run(environment, "impact", "rules/v1");
            assertEquals(2, refused.status(), refused.toString());
            assertTrue(
                    refused.out().contains("in use by the running service")
                            && refused.out().contains("POST /rules/impact"),
                    refused.toString());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroy();
        }
        Run analysed = run(environment, "impact", "rules/v1", "--product=CYBER_HEALTHCARE");
        assertEquals(0, analysed.status(), analysed.toString());
        assertTrue(analysed.out().contains("Replayed 0, changed 0, not replayable 0"), analysed.out());

        Run badOption = run(environment, "impact", "rules/v1", "--decided-from=yesterday");
        assertEquals(2, badOption.status(), badOption.toString());
        assertTrue(badOption.out().startsWith("Bad option:"), badOption.toString());
    }

    private static Run run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                "target/quarkus-app/quarkus-run.jar"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish: " + command);
        }
        try {
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
