package com.healthcyber.underwriting.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.healthcyber.underwriting.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Underwriters' changes go live without a restart, and broken or wrong ones never do. */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class RulesReloadTest {

    @org.junit.jupiter.api.BeforeEach
    void authenticate() {
        com.healthcyber.underwriting.security.Tokens.authenticateEveryRequest();
    }

    private static final Path RULES = CopiedRulesProfile.RULES;
    private static final String PATCHING = "v1/common/security-hygiene.drl";
    private static final String PATCHING_SCENARIOS = "v1/scenarios/common/security-hygiene.json";

    @AfterEach
    void restoreTheRules() {
        CopiedRules.restore(RULES);
        given().post("/rules/reload").then().statusCode(200);
    }

    @Test
    void showsTheActiveRulesetWithEveryRule() {
        given().get("/rules")
                .then()
                .statusCode(200)
                .body("guidelines.find { it.guidelineVersion == 'v1' }.version", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("guidelines.find { it.guidelineVersion == 'v1' }.activatedAt", notNullValue())
                .body("directory", equalTo(RULES.toString()))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.code",
                        hasItems("MISSING_MFA_EMAIL", "LOSS_HISTORY", "MIGRATION_CONDITION"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.find { it.code == 'MISSING_MFA_EMAIL' }.name",
                        equalTo("Email without MFA"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.find { it.code == 'MISSING_MFA_EMAIL' }.file",
                        equalTo("common/minimum-controls.drl"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.find { it.code == 'MISSING_MFA_EMAIL' }.kind",
                        equalTo("DECLINE"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.find { it.code == 'MISSING_MFA_EMAIL' }.description",
                        containsString("email"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.find { it.code == 'RANSOMWARE_COINSURANCE' }.kind",
                        equalTo("CONDITION"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.rules.find { it.code == 'LOSS_HISTORY_PERIOD' }.kind",
                        equalTo("DERIVED_FACT"));
    }

    @Test
    void reloadingUnchangedRulesChangesNothing() {
        String version = version();
        given().post("/rules/reload").then().statusCode(200).body("status", equalTo("UNCHANGED"));
        assertEqualsVersion(version);
    }

    @Test
    void aVerifiedChangeGoesLiveWithoutARestart() {
        String before = version();
        CopiedRules.edit(RULES, PATCHING, "criticalPatchDays > 30", "criticalPatchDays > 21");
        CopiedRules.edit(RULES, PATCHING_SCENARIOS, "\"criticalPatchDays\": 30", "\"criticalPatchDays\": 21");
        CopiedRules.edit(RULES, PATCHING_SCENARIOS, "\"criticalPatchDays\": 31", "\"criticalPatchDays\": 22");

        String after = given().post("/rules/reload")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("guidelines.find { it.guidelineVersion == 'v1' }.changes.changed", hasItem("PATCHING_CADENCE"))
                .body("guidelines.find { it.guidelineVersion == 'v1' }.changes.added", emptyIterable())
                .extract()
                .path("guidelines.find { it.guidelineVersion == 'v1' }.candidateVersion");
        assertNotEquals(before, after);
        given().get("/rules")
                .then()
                .body("guidelines.find { it.guidelineVersion == 'v1' }.version", equalTo(after))
                .body("lastReload.status", equalTo("ACCEPTED"));
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExampleWithPatchDays(25))
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("rulesetVersion", equalTo(after))
                .body("reasons.code", hasItem("PATCHING_CADENCE"));
    }

    @Test
    void aRuleThatDoesNotCompileNeverGoesLive() {
        String before = version();
        CopiedRules.edit(
                RULES,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmail == false )",
                "Controls( mfaEmial == false )");
        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Ruleset rejected"))
                .body("reload.status", equalTo("REJECTED"))
                .body("reload.problems[0].file", equalTo("v1/common/minimum-controls.drl"))
                .body("reload.problems[0].line", greaterThan(0))
                .body("reload.problems[0].rule", equalTo("Email without MFA"))
                .body("reload.problems[0].message", containsString("mfaEmial"));
        assertStillDecidesWith(before);
        given().get("/rules")
                .then()
                .body("lastReload.status", equalTo("REJECTED"))
                .body("lastReload.problems[0].rule", equalTo("Email without MFA"));
    }

    @Test
    void aRuleThatFailsLintNeverGoesLive() {
        String before = version();
        CopiedRules.edit(RULES, PATCHING, "when\n    Controls( $days", "    salience 100\nwhen\n    Controls( $days");
        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .body("reload.problems[0].file", equalTo(PATCHING))
                .body("reload.problems[0].rule", equalTo("Critical patches applied slowly"))
                .body("reload.problems[0].message", containsString("salience"));
        assertStillDecidesWith(before);
    }

    @Test
    void aChangeThatBreaksAScenarioNeverGoesLive() {
        String before = version();
        CopiedRules.edit(RULES, PATCHING, "criticalPatchDays > 30", "criticalPatchDays > 40");
        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .body("reload.problems", emptyIterable())
                .body(
                        "reload.failedScenarios.find { it.name == 'Critical patches in 31 days are referred' }.file",
                        equalTo(PATCHING_SCENARIOS))
                .body(
                        "reload.failedScenarios.find { it.name == 'Critical patches in 31 days are referred' }.expectedOutcome",
                        equalTo("REFER"))
                .body(
                        "reload.failedScenarios.find { it.name == 'Critical patches in 31 days are referred' }.expectedReasons",
                        hasItem("PATCHING_CADENCE"))
                .body(
                        "reload.failedScenarios.find { it.name == 'Critical patches in 31 days are referred' }.actualOutcome",
                        equalTo("ACCEPT"))
                .body(
                        "reload.failedScenarios.find { it.name == 'Critical patches in 31 days are referred' }.actualReasons",
                        emptyIterable());
        assertStillDecidesWith(before);
    }

    @Test
    void aBrokenScenarioFileNeverGoesLive() throws Exception {
        Files.writeString(RULES.resolve("v1/scenarios/broken.json"), "{ \"scenarios\": [ { \"name\": \"x\" ");
        CopiedRules.edit(RULES, PATCHING, "critical patches are applied within", "critical patches take");
        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .body("reload.problems[0].file", equalTo("v1/scenarios/broken.json"))
                .body("reload.problems[0].message", containsString("line 1"))
                .body("reload.problems[0].message", not(containsString("REDACTED")));
    }

    @Test
    void aFixedChangeGoesLiveAfterARejection() {
        CopiedRules.edit(
                RULES,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmail == false )",
                "Controls( mfaEmial == false )");
        given().post("/rules/reload").then().statusCode(422);
        CopiedRules.edit(
                RULES,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmial == false )",
                "Controls( mfaEmail == false )");
        CopiedRules.edit(
                RULES,
                "v1/common/minimum-controls.drl",
                "email does not require MFA\"",
                "email is not protected by MFA\"");
        given().post("/rules/reload")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("guidelines.find { it.guidelineVersion == 'v1' }.changes.changed", hasItem("MISSING_MFA_EMAIL"))
                .body(
                        "guidelines.find { it.guidelineVersion == 'v1' }.changes.changed",
                        not(hasItem("MISSING_MFA_REMOTE_ACCESS")));
    }

    @Test
    void aRejectedEditRevertedAtOnceStaysVisibleInTheHistory() {
        String before = version();
        CopiedRules.edit(
                RULES,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmail == false )",
                "Controls( mfaEmail == false");
        given().post("/rules/reload").then().statusCode(422);
        CopiedRules.restore(RULES);
        given().post("/rules/reload").then().statusCode(200).body("status", equalTo("UNCHANGED"));

        given().get("/rules")
                .then()
                .statusCode(200)
                .body("guidelines.find { it.guidelineVersion == 'v1' }.version", equalTo(before))
                .body("lastReload.status", equalTo("UNCHANGED"))
                .body("recentReloads[0].status", equalTo("UNCHANGED"))
                .body("recentReloads[1].status", equalTo("REJECTED"))
                .body("recentReloads[1].trigger", equalTo("api"))
                .body(
                        "recentReloads[1].guidelines.find { it.guidelineVersion == 'v1' }.candidateVersion",
                        not(equalTo(before)))
                .body("recentReloads[1].problems[0].file", equalTo("v1/common/minimum-controls.drl"))
                .body("recentReloads[1].problems[0].line", greaterThan(0));
    }

    @Test
    void theReloadHistoryKeepsOnlyTheLatestAttempts() {
        for (int i = 0; i < CopiedRulesProfile.RELOAD_HISTORY + 2; i++) {
            given().post("/rules/reload").then().statusCode(200);
        }
        given().get("/rules")
                .then()
                .statusCode(200)
                .body("recentReloads", hasSize(CopiedRulesProfile.RELOAD_HISTORY))
                .body("recentReloads.status", everyItem(equalTo("UNCHANGED")));
    }

    @Test
    void aSyntaxErrorIsReportedFirstWithItsFileAndLine() {
        // ProductAppetite is declared in this file and used by both products' appetite rules.
        CopiedRules.edit(
                RULES,
                "v1/common/product-appetite.drl",
                "    Application( $product : product )",
                "    Application( $product : product ");
        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .body("reload.problems[0].file", equalTo("v1/common/product-appetite.drl"))
                .body("reload.problems[0].line", equalTo(20))
                .body("reload.problems[0].rule", equalTo("Organization type outside the product's appetite"))
                .body("reload.problems.file", everyItem(anyOf(nullValue(), equalTo("v1/common/product-appetite.drl"))));
    }

    @Test
    void aBrokenEditToOneVersionLeavesItsLastGoodRulesAndTheOtherVersionDeciding() {
        String v1Before = fingerprint("v1");
        String v2Before = fingerprint("v2");
        CopiedRules.edit(RULES, "v2/common/loss-history.drl", "then", "then oops(");

        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .body("reload.problems[0].file", equalTo("v2/common/loss-history.drl"))
                .body("reload.problems[0].line", greaterThan(0))
                .body("reload.guidelines.find { it.guidelineVersion == 'v1' }.status", equalTo("UNCHANGED"))
                .body("reload.guidelines.find { it.guidelineVersion == 'v2' }.status", equalTo("REJECTED"))
                .body("reload.guidelines.find { it.guidelineVersion == 'v2' }.activeVersion", equalTo(v2Before));
        assertEquals(v1Before, fingerprint("v1"));
        assertEquals(v2Before, fingerprint("v2"));
        given().contentType(io.restassured.http.ContentType.JSON)
                .body(Payloads.contractExampleWith(
                        application -> application.withObject("/coverage").put("effectiveDate", "2027-08-01")))
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("guidelineVersion", equalTo("v2"))
                .body("rulesetVersion", equalTo(v2Before));
    }

    @Test
    void windowsThatLeaveAGapAreRefusedNamingTheDatesAndChangeNothing() throws Exception {
        Path v2 = RULES.resolve("v2/guideline.json");
        Files.writeString(v2, Files.readString(v2).replace("\"from\": \"2027-07-01\"", "\"from\": \"2027-08-01\""));

        given().post("/rules/reload")
                .then()
                .statusCode(422)
                .body(
                        "reload.problems.message",
                        hasItem(
                                containsString(
                                        "CYBER_HEALTHCARE NEW_BUSINESS: applications effective 2027-07-01 to before 2027-08-01 have no guideline version")))
                .body("reload.guidelines.find { it.guidelineVersion == 'v2' }.status", equalTo("REJECTED"));
        given().get("/rules")
                .then()
                .body("guidelines.find { it.guidelineVersion == 'v2' }.windows[0].from", equalTo("2027-07-01"));
    }

    @Test
    void aCutOverMovedOnBothVersionsGoesLiveInOneStepWithoutRecompiling() throws Exception {
        String v1Before = fingerprint("v1");
        Path v1 = RULES.resolve("v1/guideline.json");
        Path v2 = RULES.resolve("v2/guideline.json");
        Files.writeString(v1, Files.readString(v1).replace("\"until\": \"2027-07-01\"", "\"until\": \"2027-08-01\""));
        Files.writeString(v2, Files.readString(v2).replace("\"from\": \"2027-07-01\"", "\"from\": \"2027-08-01\""));

        given().post("/rules/reload")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("guidelines.status", everyItem(equalTo("ACCEPTED")))
                .body("guidelines.find { it.guidelineVersion == 'v1' }.changes.changed", emptyIterable());
        assertEquals(v1Before, fingerprint("v1"));
        given().contentType(io.restassured.http.ContentType.JSON)
                .body(Payloads.contractExampleWith(
                        application -> application.withObject("/coverage").put("effectiveDate", "2027-07-15")))
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("guidelineVersion", equalTo("v1"));
    }

    private static String fingerprint(String guideline) {
        return given().get("/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("guidelines.find { it.guidelineVersion == '" + guideline + "' }.version");
    }

    @Test
    void readinessReportsTheActiveRuleset() {
        given().port(com.healthcyber.underwriting.security.ManagementInterface.PORT)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'ruleset' }.data.v1", equalTo(version()));
    }

    private static String version() {
        return given().get("/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("guidelines.find { it.guidelineVersion == 'v1' }.version");
    }

    private static void assertEqualsVersion(String expected) {
        given().get("/rules").then().body("guidelines.find { it.guidelineVersion == 'v1' }.version", equalTo(expected));
    }

    private static void assertStillDecidesWith(String version) {
        assertEqualsVersion(version);
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExampleWithPatchDays(14))
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("rulesetVersion", equalTo(version))
                .body("outcome", equalTo("REFER"));
    }
}
