package com.healthcyber.underwriting.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.GuidelineUnderTest;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The underwriters' verify command, on each shipped guideline version and on a changed copy
 * elsewhere: the command bean as the application builds it, with the service's own gate.
 */
@QuarkusTest
class VerifyRulesTest {

    @Inject
    VerifyRules command;

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void verifiesTheShippedRules(GuidelineUnderTest version) {
        Result result = verify(version.directory());
        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().contains("VERIFIED: these rules can go live."), result.output());
        assertTrue(result.output().matches("(?s).*\\n\\d+ passed, 0 failed\\s*"), result.output());
        assertTrue(result.output().contains("ok   scenarios/common/loss-history.json"), result.output());
    }

    @Test
    void reportsAFailingScenarioInACopyWithExpectedAndActual() {
        Path copy = CopiedRules.freshVersion("v1");
        CopiedRules.edit(copy, "common/security-hygiene.drl", "criticalPatchDays > 30", "criticalPatchDays > 40");
        Result result = verify(copy);
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("FAIL scenarios/common/security-hygiene.json"), result.output());
        assertTrue(
                result.output()
                        .contains(
                                "\"Critical patches in 31 days are referred\": expected REFER [PATCHING_CADENCE], got ACCEPT []"),
                result.output());
        assertTrue(result.output().contains("NOT VERIFIED"), result.output());
    }

    @Test
    void reportsACompileErrorWithFileLineAndRule() {
        Path copy = CopiedRules.freshVersion("v1");
        CopiedRules.edit(
                copy, "common/minimum-controls.drl", "Controls( mfaEmail == false )", "Controls( mfaEmial == false )");
        Result result = verify(copy);
        assertEquals(1, result.status(), result.output());
        assertTrue(
                result.output().contains("PROBLEM common/minimum-controls.drl:20 rule \"Email without MFA\""),
                result.output());
    }

    @Test
    void reportsASyntaxErrorFirstWithFileAndLine() {
        Path copy = CopiedRules.freshVersion("v1");
        CopiedRules.edit(
                copy,
                "common/product-appetite.drl",
                "    Application( $product : product )",
                "    Application( $product : product ");
        Result result = verify(copy);
        assertEquals(1, result.status(), result.output());
        String firstProblem = result.output()
                .lines()
                .filter(line -> line.contains("PROBLEM"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                firstProblem
                        .trim()
                        .startsWith(
                                "PROBLEM common/product-appetite.drl:20 rule \"Organization type outside the product's appetite\""),
                result.output());
        assertTrue(
                result.output().lines().filter(line -> line.contains("PROBLEM")).count() <= 3, result.output());
    }

    @Test
    void verifiesEveryGuidelineVersionAndTheirWindowsTogether() {
        Result result = verify(Path.of("rules"));
        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().contains("Guideline v1: "), result.output());
        assertTrue(result.output().contains("ok   v1/scenarios/common/loss-history.json"), result.output());
        assertTrue(
                result.output().contains("Windows: ok, every application is decided by exactly one version"),
                result.output());
    }

    @Test
    void refusesWindowsThatLeaveAGapNamingTheDates() throws Exception {
        Path copy = CopiedRules.fresh();
        Files.writeString(
                copy.resolve("v1/guideline.json"),
                "{ \"windows\": [ { \"transactionType\": \"NEW_BUSINESS\", \"until\": \"2020-01-01\" },"
                        + " { \"transactionType\": \"RENEWAL\", \"until\": \"2020-01-01\" } ] }");
        Result result = verify(copy);
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("Windows: FAILED"), result.output());
        assertTrue(
                result.output().contains("CYBER_HEALTHCARE NEW_BUSINESS: applications effective 2020-01-01"),
                result.output());
        assertTrue(result.output().contains("NOT VERIFIED"), result.output());
    }

    @Test
    void reportsAProblemInOneVersionByItsPathFromTheRulesDirectory() {
        Path copy = CopiedRules.fresh();
        CopiedRules.edit(
                copy,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmail == false )",
                "Controls( mfaEmial == false )");
        Result result = verify(copy);
        assertEquals(1, result.status(), result.output());
        assertTrue(
                result.output().contains("PROBLEM v1/common/minimum-controls.drl:20 rule \"Email without MFA\""),
                result.output());
    }

    @Test
    void failsOnADirectoryThatDoesNotExist() {
        assertEquals(2, verify(Path.of("target", "no-such-rules")).status());
    }

    private record Result(int status, String output) {}

    private Result verify(Path directory) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int status = command.run(directory, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Result(status, buffer.toString(StandardCharsets.UTF_8));
    }
}
