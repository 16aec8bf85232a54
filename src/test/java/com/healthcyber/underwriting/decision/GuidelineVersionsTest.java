package com.healthcyber.underwriting.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.ManagementInterface;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One application moved across the cut-over dates is decided by each guideline version as
 * underwriting-guidelines.md says: a claim paid 150,000 is a referral in v1 (severe from 250,000)
 * and a decline in v2 (severe from 100,000); patches in 20 days pass v1 (30) and refer in v2 (14).
 */
@QuarkusTest
class GuidelineVersionsTest {

    private static final String V1 = "guidelines.find { it.guidelineVersion == 'v1' }.";
    private static final String V2 = "guidelines.find { it.guidelineVersion == 'v2' }.";

    @BeforeEach
    void authenticate() {
        Tokens.authenticateEveryRequest();
    }

    @Test
    void eachSideOfEachCutOverIsDecidedByItsVersion() {
        String applicationId = "APP-" + UUID.randomUUID().toString().substring(0, 8);
        String v1Fingerprint =
                given().get("/rules").then().statusCode(200).extract().path(V1 + "version");
        String v2Fingerprint = given().get("/rules").then().extract().path(V2 + "version");

        decide(applicationId, "2027-06-30", "NEW_BUSINESS")
                .body("guidelineVersion", equalTo("v1"))
                .body("rulesetVersion", equalTo(v1Fingerprint))
                .body("outcome", equalTo("REFER"))
                .body("reasons.code", hasItem("LOSS_HISTORY"))
                .body("reasons.code", not(hasItem("LOSS_HISTORY_SEVERE")))
                .body("reasons.code", not(hasItem("PATCHING_CADENCE")));
        decide(applicationId, "2027-07-01", "NEW_BUSINESS")
                .body("guidelineVersion", equalTo("v2"))
                .body("rulesetVersion", equalTo(v2Fingerprint))
                .body("outcome", equalTo("DECLINE"))
                .body("reasons.code", hasItems("LOSS_HISTORY_SEVERE", "PATCHING_CADENCE"))
                .body("reasons.code", not(hasItem("LOSS_HISTORY")));
        decide(applicationId, "2027-07-01", null).body("guidelineVersion", equalTo("v2"));
        decide(applicationId, "2027-09-30", "RENEWAL")
                .body("guidelineVersion", equalTo("v1"))
                .body("reasons.code", hasItem("LOSS_HISTORY"));
        decide(applicationId, "2027-10-01", "RENEWAL")
                .body("guidelineVersion", equalTo("v2"))
                .body("reasons.code", hasItem("LOSS_HISTORY_SEVERE"));

        given().queryParam("applicationId", applicationId)
                .queryParam("guidelineVersion", "v2")
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.guidelineVersion", contains("v2", "v2", "v2"));
        given().queryParam("applicationId", applicationId)
                .queryParam("guidelineVersion", "v1")
                .get("/decisions")
                .then()
                .body("items.outcome", contains("REFER", "REFER"));
    }

    @Test
    void aStoredDecisionIsReplayedOnItsOwnVersionAndRecordsItsVersion() {
        String applicationId = "APP-" + UUID.randomUUID().toString().substring(0, 8);
        String decisionId =
                decide(applicationId, "2027-09-30", "RENEWAL").extract().path("decisionId");

        given().get("/decisions/" + decisionId).then().statusCode(200).body("guidelineVersion", equalTo("v1"));
        given().post("/decisions/" + decisionId + "/replay")
                .then()
                .statusCode(200)
                .body("stored.guidelineVersion", equalTo("v1"))
                .body("replayed.guidelineVersion", equalTo("v1"))
                .body("outcomeChanged", equalTo(false));
    }

    @Test
    void theCutOverQuestionReplaysVersionOneDecisionsOnVersionTwo() {
        Instant from = Instant.now().minusMillis(1);
        String applicationId = "APP-" + UUID.randomUUID().toString().substring(0, 8);
        String referred =
                decide(applicationId, "2027-06-30", "NEW_BUSINESS").extract().path("decisionId");
        decide(applicationId, "2027-07-02", "NEW_BUSINESS");
        Instant to = Instant.now().plusMillis(1);

        given().queryParam("replayOn", "v2")
                .queryParam("guidelineVersion", "v1")
                .queryParam("decidedFrom", from.toString())
                .queryParam("decidedTo", to.toString())
                .post("/rules/impact")
                .then()
                .statusCode(200)
                .body("rules", equalTo("guideline v2"))
                .body("guidelineVersion", equalTo("v1"))
                .body("replayed", equalTo(1))
                .body("replayedOn.guidelineVersion", contains("v2"))
                .body("outcomeTransitions.findAll { it.from == 'REFER' && it.to == 'DECLINE' }.count", contains(1))
                .body("reasonCodesAdded.code", hasItems("LOSS_HISTORY_SEVERE", "PATCHING_CADENCE"))
                .body("reasonCodesRemoved.code", hasItem("LOSS_HISTORY"))
                .body("sampleChangedDecisionIds", contains(referred));

        given().queryParam("decidedFrom", from.toString())
                .queryParam("decidedTo", to.toString())
                .post("/rules/impact")
                .then()
                .statusCode(200)
                .body("rules", equalTo("active"))
                .body("replayed", equalTo(2))
                .body("changed", equalTo(0))
                .body("replayedOn.guidelineVersion", contains("v1", "v2"));

        given().queryParam("replayOn", "v9")
                .post("/rules/impact")
                .then()
                .statusCode(404)
                .body("detail", containsString("live: v1, v2"));
        given().queryParam("replayOn", "v2")
                .queryParam("candidate", "anything")
                .post("/rules/impact")
                .then()
                .statusCode(400)
                .body("violations.field", contains("replayOn"));
    }

    @Test
    void decisionsAreCountedByGuidelineVersion() {
        decide("APP-METRICS", "2027-10-01", "RENEWAL").body("guidelineVersion", equalTo("v2"));
        given().port(ManagementInterface.PORT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "underwriting_decisions_total{guideline=\"v2\",outcome=\"DECLINE\",product=\"CYBER_HEALTHCARE\"}"))
                .body(containsString("underwriting_ruleset_info{guideline=\"v2\",version=\"sha256:"));
    }

    private static io.restassured.response.ValidatableResponse decide(
            String applicationId, String effectiveDate, String transactionType) {
        String body = Payloads.contractExampleWith(application -> {
            application.put("applicationId", applicationId);
            var coverage = application.withObject("/coverage");
            coverage.put("effectiveDate", effectiveDate);
            if (transactionType != null) {
                coverage.put("transactionType", transactionType);
            }
            application.withObject("/controls").put("criticalPatchDays", 20);
            ((com.fasterxml.jackson.databind.node.ObjectNode)
                            application.withArray("/history/claims").get(0))
                    .put("paid", 150_000);
        });
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/decisions")
                .then()
                .statusCode(200);
    }
}
