package com.healthcyber.underwriting.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.ManagementInterface;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without its record a decision is not given: the database is taken away (the proxy in front of
 * a real PostgreSQL server is cut) and brought back, and the service must refuse, then recover by
 * itself, losing nothing it had recorded.
 */
@QuarkusTest
@TestProfile(PostgresStore.class)
class PostgresFailClosedTest {

    @BeforeEach
    void authenticate() {
        Tokens.authenticateEveryRequest();
    }

    @Test
    void refusesToDecideWhileTheStoreIsAwayAndRecoversByItself() throws Exception {
        String recorded = decide("APP-" + UUID.randomUUID(), null)
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        String refusedApplication = "APP-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        PostgresStore.proxy.cut();
        try {
            // A pooled connection whose peer is gone fails only once the statement is written, and the
            // driver cannot tell a statement that never arrived from an answer that was lost: those
            // requests are told the outcome is unknown. Once the pool has dropped them, connecting is
            // refused, nothing is sent, and the answer says it is not recorded.
            String title = null;
            for (int attempt = 0; attempt <= 16 && !"Decision store unavailable".equals(title); attempt++) {
                title = decide(refusedApplication, key)
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body(
                                "title",
                                anyOf(equalTo("Decision store unavailable"), equalTo("Decision outcome unknown")))
                        .body("decisionId", nullValue())
                        .body("outcome", nullValue())
                        .extract()
                        .path("title");
            }
            assertEquals("Decision store unavailable", title);
            // Without a key nothing is read first: the write itself is refused.
            decide(refusedApplication, null).then().statusCode(503).body("decisionId", nullValue());
            given().get("/decisions/" + recorded)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("could not be read"));
            given().port(ManagementInterface.PORT)
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'decision-store' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'decision-store' }.data.reason", not(empty()));
        } finally {
            PostgresStore.proxy.restore();
        }

        // No restart, no operator: the next requests find the database again.
        awaitReady();
        given().get("/decisions/" + recorded).then().statusCode(200).body("decisionId", equalTo(recorded));
        given().queryParam("applicationId", refusedApplication)
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items", empty());
        // The platform's retry of the refused request is decided now, once.
        String retried = decide(refusedApplication, key)
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("decisionId");
        given().queryParam("applicationId", refusedApplication)
                .get("/decisions")
                .then()
                .body("items.decisionId", hasItem(retried));
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (given().port(ManagementInterface.PORT).get("/q/health/ready").statusCode() == 200
                    && decide("APP-" + UUID.randomUUID(), null).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not recover within 15 s of the database coming back");
    }

    private static io.restassured.response.Response decide(String applicationId, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON)
                .body(Payloads.contractExampleWith(application -> application.put("applicationId", applicationId)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/decisions");
    }
}
