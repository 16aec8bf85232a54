package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @jakarta.inject.Inject
    com.healthcyber.underwriting.audit.DecisionDataSource store;

    @Test
    void exposesTheReferralDeskOpenReferralsResolutionsAndTheirWait() throws Exception {
        String decisionId = given().contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        given().auth()
                .oauth2(com.healthcyber.underwriting.security.Tokens.resolver("dana.senior", "SENIOR_UNDERWRITER"))
                .contentType(ContentType.JSON)
                .body("{\"action\": \"DECLINE\", \"rationale\": \"Outside appetite after review.\"}")
                .post("/decisions/" + decisionId + "/resolution")
                .then()
                .statusCode(200);
        String metrics = scrape();
        assertTrue(
                metrics.contains(
                        "underwriting_referral_resolutions_total{action=\"DECLINE\",required_authority=\"SENIOR_UNDERWRITER\"}"),
                metrics);
        assertTrue(
                metrics.contains("underwriting_referral_wait_seconds_count{required_authority=\"SENIOR_UNDERWRITER\"}"),
                metrics);
        assertTrue(metrics.contains(
                "underwriting_referral_wait_seconds_bucket{required_authority=\"SENIOR_UNDERWRITER\""));
        // The gauge is the store's count, read in the background (every 500 ms under test): it catches up.
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        java.util.Map<String, Long> inStore;
        java.util.Map<String, Long> gauged;
        do {
            Thread.sleep(200);
            inStore = openInStore();
            gauged = gauged(scrape());
        } while (!gauged.equals(inStore) && System.nanoTime() < deadline);
        assertEquals(inStore, gauged);
        assertTrue(gauged.get("SENIOR_UNDERWRITER") > 0, gauged.toString());
        assertEquals(java.util.Set.of("UNDERWRITER", "SENIOR_UNDERWRITER", "UNDERWRITING_MANAGER"), gauged.keySet());
    }

    private static String scrape() {
        return given().port(com.healthcyber.underwriting.security.ManagementInterface.PORT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static java.util.Map<String, Long> gauged(String metrics) {
        java.util.Map<String, Long> values = new java.util.TreeMap<>();
        java.util.regex.Matcher gauge = java.util.regex.Pattern.compile(
                        "(?m)^underwriting_referrals_open\\{required_authority=\"(\\w+)\"} ([0-9.E]+)$")
                .matcher(metrics);
        while (gauge.find()) {
            values.put(gauge.group(1), (long) Double.parseDouble(gauge.group(2)));
        }
        return values;
    }

    private java.util.Map<String, Long> openInStore() throws Exception {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>(
                java.util.Map.of("UNDERWRITER", 0L, "SENIOR_UNDERWRITER", 0L, "UNDERWRITING_MANAGER", 0L));
        try (var connection = store.get().getConnection();
                var select = connection.prepareStatement(
                        "SELECT required_authority, COUNT(*) FROM open_referral GROUP BY required_authority");
                var rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
