package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.healthcyber.underwriting.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MetricsTest {

    @org.junit.jupiter.api.BeforeEach
    void authenticate() {
        com.healthcyber.underwriting.security.Tokens.authenticateEveryRequest();
    }

    @Test
    void exposesDecisionsReasonsLatencyAndRulesetInPrometheusFormat() {
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200);
        given().port(com.healthcyber.underwriting.security.ManagementInterface.PORT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(
                        containsString(
                                "underwriting_decisions_total{guideline=\"v1\",outcome=\"REFER\",product=\"CYBER_HEALTHCARE\"}"))
                .body(containsString("underwriting_decision_reasons_total{code=\"LOSS_HISTORY\",outcome=\"REFER\"}"))
                .body(containsString("underwriting_decision_engine_seconds_bucket{product=\"CYBER_HEALTHCARE\""))
                .body(containsString("underwriting_decision_total_seconds_count{product=\"CYBER_HEALTHCARE\"}"))
                .body(containsString("underwriting_ruleset_reloads_total{status=\"accepted\",trigger=\"startup\"}"))
                .body(containsString("underwriting_ruleset_info{guideline=\"v1\",version=\"sha256:"))
                .body(containsString("http_server_requests_seconds_count{method=\"POST\""))
                .body(containsString("underwriting_store_commit_seconds_count{store=\"embedded\"}"))
                .body(containsString("underwriting_store_batch_count{store=\"embedded\"}"))
                .body(containsString("underwriting_store_failures_total{store=\"embedded\"}"))
                .body(not(containsString("APP-1001")));
    }
}
