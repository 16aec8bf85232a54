package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v1.1 request fields over HTTP: off-contract values are a 400 problem naming each field,
 * and an application that carries them correctly is always decided, whatever version decides it.
 */
@QuarkusTest
class VersionedRequestFieldsResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeEach
    void authenticate() {
        Tokens.authenticateEveryRequest();
    }

    @Test
    void rejectsAnUnknownTransactionTypeListingTheAllowedValues() {
        badInput(Payloads.contractExampleWith(app -> app.withObject("/coverage").put("transactionType", "RENEW")))
                .body("violations.field", contains("coverage.transactionType"))
                .body("violations[0].message", equalTo("must be one of: NEW_BUSINESS, RENEWAL"));
    }

    @Test
    void namesAllFourFieldsOfAnEmptyScanInOneAnswer() {
        badInput(Payloads.contractExampleWith(app -> app.putObject("externalScan")))
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "externalScan.scanDate",
                                "externalScan.openRdp",
                                "externalScan.endOfLifeSoftwareObserved",
                                "externalScan.leakedCredentials"))
                .body("violations.message", everyItem(equalTo("is required")));
    }

    @Test
    void rejectsAnUnknownFieldInsideTheScan() {
        badInput(Payloads.contractExampleWith(app -> scan(app).put("openPorts", 3)))
                .body("violations.field", contains("externalScan.openPorts"))
                .body("violations[0].message", equalTo("is not a known field"));
    }

    @Test
    void rejectsNegativeLeakedCredentials() {
        badInput(Payloads.contractExampleWith(app -> scan(app).put("leakedCredentials", -1)))
                .body("violations.field", contains("externalScan.leakedCredentials"))
                .body("violations[0].message", equalTo("must be greater than or equal to 0"));
    }

    @Test
    void reportsEveryWrongTypeInTheScanTogether() {
        badInput(Payloads.contractExampleWith(app -> scan(app)
                        .put("scanDate", "2026-13-01")
                        .put("openRdp", "no")
                        .put("endOfLifeSoftwareObserved", 1)
                        .put("leakedCredentials", "12")))
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "externalScan.scanDate",
                                "externalScan.openRdp",
                                "externalScan.endOfLifeSoftwareObserved",
                                "externalScan.leakedCredentials"))
                .body(
                        "violations.find { it.field == 'externalScan.scanDate' }.message",
                        equalTo("must be a date in yyyy-MM-dd format"))
                .body(
                        "violations.find { it.field == 'externalScan.openRdp' }.message",
                        equalTo("must be true or false"))
                .body(
                        "violations.find { it.field == 'externalScan.leakedCredentials' }.message",
                        equalTo("must be a whole number"));
    }

    @Test
    void rejectsAScanThatIsNotAnObject() {
        badInput(Payloads.contractExampleWith(app -> app.put("externalScan", "clean")))
                .body("violations.field", contains("externalScan"))
                .body("violations[0].message", equalTo("must be an object"));
    }

    @Test
    void decidesAnApplicationWithANullScanAsOneWithout() {
        JsonPath without = decided(Payloads.contractExample());
        JsonPath withNull = decided(Payloads.contractExampleWith(app -> app.putNull("externalScan")));
        assertEquals(reasonCodes(without), reasonCodes(withNull));
        assertEquals(List.of("LOSS_HISTORY", "RECENT_BREACH"), reasonCodes(withNull));
    }

    /** The contract example is effective 2027-01-01, in v1's window: v1 ignores the scan. */
    @Test
    void decidesAV1WindowApplicationWithAScanThatContradictsIt() {
        JsonPath decision = decided(Payloads.contractExampleWith(app -> scan(app)
                .put("scanDate", "2026-12-01")
                .put("openRdp", true)
                .put("endOfLifeSoftwareObserved", true)
                .put("leakedCredentials", 500)));
        assertEquals("REFER", decision.getString("outcome"));
        assertEquals(List.of("LOSS_HISTORY", "RECENT_BREACH"), reasonCodes(decision));
    }

    @Test
    void decidesARenewal() {
        JsonPath decision = decided(
                Payloads.contractExampleWith(app -> app.withObject("/coverage").put("transactionType", "RENEWAL")));
        assertEquals(List.of("LOSS_HISTORY", "RECENT_BREACH"), reasonCodes(decision));
    }

    @Test
    void decidesARegistryApplicationWithAScan() {
        String registry = Payloads.registryExample();
        JsonPath decision = decided(registry.replaceFirst(
                "\\{",
                "{\"externalScan\": {\"scanDate\": \"2026-12-01\", \"openRdp\": true,"
                        + " \"endOfLifeSoftwareObserved\": false, \"leakedCredentials\": 40},"));
        assertEquals(List.of("MIGRATION_CONDITION"), reasonCodes(decision));
    }

    private static ObjectNode scan(ObjectNode application) {
        return application
                .putObject("externalScan")
                .put("scanDate", "2026-12-01")
                .put("openRdp", false)
                .put("endOfLifeSoftwareObserved", false)
                .put("leakedCredentials", 0);
    }

    private static List<String> reasonCodes(JsonPath decision) {
        return decision.<Map<String, Object>>getList("reasons").stream()
                .map(reason -> (String) reason.get("code"))
                .toList();
    }

    private static JsonPath decided(String body) {
        return post(body)
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
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
                .body("title", equalTo("Invalid application"))
                .body(not(containsString("Exception")))
                .body(not(containsString("com.healthcyber")))
                .body(not(containsString("jackson")));
    }
}
