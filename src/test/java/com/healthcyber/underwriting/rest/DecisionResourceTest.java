package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.intake.ApplicationReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionResourceTest {

    @org.junit.jupiter.api.BeforeEach
    void authenticate() {
        com.healthcyber.underwriting.security.Tokens.authenticateEveryRequest();
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void refersTheContractExampleForItsClaimAndBreach() {
        post(Payloads.contractExample())
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("decisionId", matchesPattern("[0-9a-f-]{36}"))
                .body("applicationId", equalTo("APP-1001"))
                .body("product", equalTo("CYBER_HEALTHCARE"))
                .body("outcome", equalTo("REFER"))
                .body("reasons.code", contains("LOSS_HISTORY", "RECENT_BREACH"))
                .body("reasons.outcome", contains("REFER", "REFER"))
                .body("reasons.rule", contains("One claim within five years", "Remediated breach within three years"))
                .body("reasons.message", everyItem(notNullValue()))
                .body("rulesetVersion", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("decidedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void acceptsTheContractRegistryExampleWithAMigrationCondition() {
        post(Payloads.registryExample())
                .statusCode(200)
                .body("outcome", equalTo("ACCEPT"))
                .body("reasons.code", contains("MIGRATION_CONDITION"))
                .body("reasons.outcome", contains("CONDITION"));
    }

    @Test
    void listsReasonsDeclineThenReferThenConditionThenByCode() {
        String application = Payloads.contractExampleWith(app -> {
            var controls = app.withObject("/controls");
            controls.put("endpointDetectionAndResponse", false);
            controls.put("rdpExposedToInternet", true);
            controls.put("mfaEmail", false);
            controls.put("endOfLifeSystems", true);
        });
        post(application)
                .statusCode(200)
                .body("outcome", equalTo("DECLINE"))
                .body(
                        "reasons.code",
                        contains(
                                "EXPOSED_RDP",
                                "MISSING_MFA_EMAIL",
                                "END_OF_LIFE_SYSTEMS",
                                "LOSS_HISTORY",
                                "RECENT_BREACH",
                                "RANSOMWARE_COINSURANCE"))
                .body("reasons.outcome", contains("DECLINE", "DECLINE", "REFER", "REFER", "REFER", "CONDITION"));
    }

    @Test
    void decidesTheSameApplicationTheSameWayEachTime() {
        var first = post(Payloads.contractExample()).statusCode(200).extract().jsonPath();
        var second = post(Payloads.contractExample()).statusCode(200).extract().jsonPath();
        assertEquals(first.getList("reasons"), second.getList("reasons"));
        assertEquals(first.getString("outcome"), second.getString("outcome"));
        assertEquals(first.getString("rulesetVersion"), second.getString("rulesetVersion"));
        assertNotEquals(first.getString("decisionId"), second.getString("decisionId"));
    }

    @Test
    void declinesAnOrganizationTypeOfTheOtherProduct() {
        post(Payloads.contractExampleWith(
                        app -> app.withObject("/applicant").put("organizationType", "REGISTRY_VENDOR")))
                .statusCode(200)
                .body("outcome", equalTo("DECLINE"))
                .body("reasons.code", hasItem("INELIGIBLE_ORGANIZATION_TYPE"));
    }

    @Test
    void rejectsAnOrganizationTypeOfNeitherProductListingTheAllowedValues() {
        badInput(Payloads.contractExampleWith(
                        app -> app.withObject("/applicant").put("organizationType", "HOSPITAL")))
                .body("violations.field", contains("applicant.organizationType"))
                .body("violations[0].message", containsString("PHYSICIAN_PRACTICE"))
                .body("violations[0].message", containsString("REGISTRY_VENDOR"));
    }

    @Test
    void rejectsAnUnknownProductListingTheAllowedValues() {
        badInput(Payloads.contractExampleWith(app -> app.put("product", "AUTO")))
                .body("violations.field", contains("product"))
                .body("violations[0].message", equalTo("must be one of: CYBER_HEALTHCARE, MEDICAL_REGISTRY"));
    }

    @Test
    void listsEveryMissingAnswerInOneResponse() {
        String application = Payloads.contractExampleWith(app -> {
            app.withObject("/controls").remove("mfaEmail");
            app.withObject("/controls").remove("criticalPatchDays");
            app.withObject("/history").remove("willfulMisconduct");
            app.withObject("/coverage").put("limit", 0);
            app.remove("applicationId");
        });
        badInput(application)
                .body("title", equalTo("Invalid application"))
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "applicationId",
                                "controls.mfaEmail",
                                "controls.criticalPatchDays",
                                "history.willfulMisconduct",
                                "coverage.limit"))
                .body("violations.find { it.field == 'controls.mfaEmail' }.message", equalTo("is required"))
                .body("violations.find { it.field == 'coverage.limit' }.message", equalTo("must be greater than 0"));
    }

    @Test
    void reportsTypeErrorsUnknownFieldsAndMissingAnswersTogether() {
        String application = Payloads.contractExampleWith(app -> {
            app.withObject("/controls").put("mfaEmail", "yes");
            app.withObject("/controls").put("mfaEmial", true);
            app.withObject("/applicant").put("annualRevenue", 4200000.5);
            app.withObject("/data").put("patientRecords", "38000");
            app.withObject("/coverage").remove("retention");
        });
        badInput(application)
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "controls.mfaEmail",
                                "controls.mfaEmial",
                                "applicant.annualRevenue",
                                "data.patientRecords",
                                "coverage.retention"))
                .body("violations.find { it.field == 'controls.mfaEmial' }.message", equalTo("is not a known field"))
                .body("violations.find { it.field == 'controls.mfaEmail' }.message", equalTo("must be true or false"))
                .body(
                        "violations.find { it.field == 'applicant.annualRevenue' }.message",
                        equalTo("must be a whole number"));
    }

    @Test
    void namesListElementsByIndex() {
        String application = Payloads.contractExampleWith(app -> {
            app.withArray("/history/claims")
                    .addObject()
                    .put("date", "2024-02-30")
                    .put("type", "PHISHING")
                    .put("paid", -5);
        });
        badInput(application)
                .body("violations.field", containsInAnyOrder("history.claims[1].date", "history.claims[1].paid"));
    }

    @Test
    void rejectsNegativeAmounts() {
        badInput(Payloads.contractExampleWith(
                        app -> app.withObject("/applicant").put("annualRevenue", -1)))
                .body("violations.field", contains("applicant.annualRevenue"));
    }

    @Test
    void rejectsRegistriesOnAPracticeApplication() {
        String application = Payloads.contractExampleWith(
                app -> app.withArray("registries").addObject().put("name", "x"));
        badInput(application).body("violations.field", hasItem("registries"));
    }

    @Test
    void rejectsARegistryApplicationWithoutRegistries() {
        String application = Payloads.contractExampleWith(app -> app.put("product", "MEDICAL_REGISTRY"));
        badInput(application).body("violations.field", contains("registries"));
    }

    @Test
    void requiresEveryRegistryAnswer() {
        String application = Payloads.contractExampleWith(app -> {
            app.put("product", "MEDICAL_REGISTRY");
            app.withObject("/applicant").put("organizationType", "REGISTRY_VENDOR");
            app.withArray("registries").addObject().put("name", "Registry").put("records", 1.5);
        });
        badInput(application)
                .body(
                        "violations.field",
                        hasItems(
                                "registries[0].records",
                                "registries[0].purpose",
                                "registries[0].identifiable",
                                "registries[0].containsGeneticData",
                                "registries[0].dataQualityProgram",
                                "registries[0].contributingSources"))
                .body(
                        "violations.find { it.field == 'registries[0].records' }.message",
                        equalTo("must be a whole number"));
    }

    @Test
    void requiresPatientRecordsForAPractice() {
        badInput(Payloads.contractExampleWith(app -> app.remove("data")))
                .body("violations.field", contains("data.patientRecords"));
    }

    @Test
    void rejectsMalformedJson() {
        badInput("{\"applicationId\": \"APP-1\",")
                .body("violations.field", contains("$"))
                .body("violations[0].message", containsString("not valid JSON"));
    }

    @Test
    void reportsJsonBrokenInsideANestedObjectAsMalformed() {
        badInput(Payloads.contractExample().replace("\"state\": \"OH\",", "\"state\": \"OH\",,"))
                .body("violations.field", contains("$"))
                .body("violations[0].message", containsString("not valid JSON (line"));
    }

    @Test
    void rejectsAnEmptyBody() {
        badInput("").body("violations.field", contains("$"));
    }

    @Test
    void rejectsAJsonArray() {
        badInput("[" + Payloads.contractExample() + "]").body("violations.field", contains("$"));
    }

    @Test
    void rejectsJsonNull() {
        badInput("null").body("violations.field", contains("$"));
    }

    @Test
    void rejectsTwoDocumentsInOneBody() {
        badInput(Payloads.contractExample() + Payloads.contractExample()).body("violations.field", contains("$"));
    }

    @Test
    void rejectsADuplicatedField() {
        badInput("{\"applicationId\": \"A\", \"applicationId\": \"B\"}").body("violations.field", contains("$"));
    }

    @Test
    void rejectsDeepNesting() {
        badInput("{\"applicant\":" + "[".repeat(200) + "]".repeat(200) + "}").body("violations.field", contains("$"));
    }

    @Test
    void rejectsMoreClaimsThanTheBoundNamingTheField() {
        badInput(Payloads.contractExampleWith(app -> {
                    var claims = app.withArray("/history/claims");
                    for (int i = 0; i < com.healthcyber.underwriting.application.Limits.MAX_HISTORY_ENTRIES; i++) {
                        claims.addObject()
                                .put("date", "2010-01-01")
                                .put("type", "OTHER")
                                .put("paid", 1);
                    }
                }))
                .body("violations.field", contains("history.claims"));
    }

    @Test
    void rejectsMoreRegistriesThanTheBoundNamingTheField() {
        badInput(Payloads.contractExampleWith(app -> {
                    app.put("product", "MEDICAL_REGISTRY");
                    app.withObject("/applicant").put("organizationType", "REGISTRY_VENDOR");
                    app.remove("data");
                    var registries = app.withArray("registries");
                    for (int i = 0; i < 101; i++) {
                        registries
                                .addObject()
                                .put("name", "R" + i)
                                .put("purpose", "QUALITY_IMPROVEMENT")
                                .put("records", 1)
                                .put("contributingSources", 1)
                                .put("identifiable", false)
                                .put("containsGeneticData", false)
                                .put("dataQualityProgram", true);
                    }
                }))
                .body("violations.field", contains("registries"));
    }

    /** The probe's body: 100,000 unreadable registries took 252 s and answered 6 MB. */
    @Test
    void stopsAHugeListOfUnreadableEntriesAtItsBoundWithAShortAnswer() {
        String body = Payloads.registryExample()
                .replaceFirst("\"registries\"\\s*:\\s*\\[", "\"registries\": [" + "0,".repeat(100_000));
        assertTrue(
                body.length() > 200_000 && body.length() < 256 * 1024, "a body under the size limit: " + body.length());
        String answer = badInput(body)
                .body("violations.size()", lessThanOrEqualTo(ApplicationReader.MAX_REPORTED_VIOLATIONS + 2))
                .body(
                        "violations",
                        hasItem(allOf(
                                hasEntry("field", "registries"), hasEntry("message", "must hold at most 100 entries"))))
                .extract()
                .asString();
        assertTrue(answer.length() < 20_000, "a short answer: " + answer.length() + " characters");
    }

    @Test
    void refusesBodiesThatAreNotPlainUtf8() {
        byte[] example = Payloads.contractExample().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[example.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(example, 0, withBom, 3, example.length);
        for (byte[] body : List.of(
                withBom,
                Payloads.contractExample().getBytes(StandardCharsets.UTF_16),
                Payloads.contractExample().getBytes(StandardCharsets.UTF_16LE),
                Payloads.contractExample().getBytes(Charset.forName("UTF-32BE")),
                Payloads.contractExample()
                        .replace("APP-1001", "APP-\u00c0\u00af")
                        .getBytes(StandardCharsets.ISO_8859_1))) { // C0 AF: an overlong '/'
            given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/decisions")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("$"))
                    .body(
                            "violations[0].message",
                            anyOf(startsWith("is not UTF-8"), containsString("byte order mark")));
        }
    }

    @Test
    void refusesNulAndUnpairedSurrogatesInTextNamingTheField() {
        badInput(Payloads.contractExample().replace("\"APP-1001\"", "\"APP-\\u0000\""))
                .body("violations.field", contains("applicationId"))
                .body("violations[0].message", containsString("NUL"));
        badInput(Payloads.contractExample().replace("\"APP-1001\"", "\"APP-\\ud800\""))
                .body("violations.field", contains("applicationId"))
                .body("violations[0].message", containsString("surrogate"));
        // In a field's name, echoed in the answer: still a problem document, never a failure to write it.
        given().contentType(ContentType.JSON)
                .body("{\"x\\ud800\": 1," + Payloads.contractExample().substring(1))
                .when()
                .post("/decisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.message", contains("is not a known field"));
    }

    @Test
    void rejectsAnOverlongStringAndAnOverlongNumber() {
        badInput(Payloads.contractExampleWith(
                        app -> app.withObject("/applicant").put("name", "x".repeat(10_001))))
                .body("violations.field", contains("$"));
        badInput(Payloads.contractExample()
                        .replace("\"annualRevenue\": 4200000", "\"annualRevenue\": " + "9".repeat(60)))
                .body("violations.field", contains("$"))
                .body("violations[0].message", containsString("limits"));
        badInput(Payloads.contractExample()
                        .replace("\"annualRevenue\": 4200000", "\"annualRevenue\": " + "9".repeat(30)))
                .body("violations.field", contains("applicant.annualRevenue"))
                .body("violations[0].message", equalTo("must be a whole number within range"));
    }

    @Test
    void rejectsAnotherMediaTypeWithAProblem() {
        given().contentType(ContentType.TEXT)
                .body("hello")
                .when()
                .post("/decisions")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().when()
                .get("/no-such-thing")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
    }

    @Test
    void theBenchmarkBaselineIsNotPartOfTheService() {
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .when()
                .post("/baseline/decisions")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/decisions")
                .then();
    }

    /** Every bad input is a 400 problem that leaks nothing of the implementation. */
    private static ValidatableResponse badInput(String body) {
        return post(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", equalTo("about:blank"))
                .body(not(containsString("Exception")))
                .body(not(containsString("com.healthcyber")))
                .body(not(containsString("jackson")))
                .body(not(containsString("\tat ")));
    }
}
