package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client that asks only for application/problem+json gets the problem documents it asked for. */
@QuarkusTest
class ProblemOnlyClientsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeEach
    void anonymous() {
        Tokens.anonymousRequests();
    }

    private static RequestSpecification problemsOnly() {
        return given().accept(PROBLEM_JSON).auth().oauth2(Tokens.withRoles(Tokens.ALL_ROLES.toArray(String[]::new)));
    }

    @Test
    void badInputIsA400Problem() {
        problemsOnly()
                .contentType(ContentType.JSON)
                .body("{\"applicationId\":\"APP-1\"}")
                .post("/decisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("product"));
    }

    @Test
    void aMalformedParameterIsA400Problem() {
        problemsOnly()
                .queryParam("limit", "lots")
                .get("/decisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void noTokenIsA401Problem() {
        given().accept(PROBLEM_JSON)
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(401));
    }

    @Test
    void theWrongRoleIsA403Problem() {
        given().accept(PROBLEM_JSON)
                .auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .get("/decisions/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anUnknownDecisionIsA404Problem() {
        problemsOnly()
                .get("/decisions/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
        problemsOnly()
                .post("/decisions/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        String huge = "{\"applicationId\":\"" + "x".repeat(300 * 1024) + "\"}";
        problemsOnly()
                .contentType(ContentType.JSON)
                .body(huge)
                .post("/decisions")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        problemsOnly()
                .contentType(ContentType.TEXT)
                .body("hello")
                .post("/decisions")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
    }

    /** It cannot read a decision: 406, and the application is not decided, so nothing is on record. */
    @Test
    void aValidApplicationIsRefusedWith406AndNotRecorded() {
        String applicationId = "APP-PROBLEMS-" + UUID.randomUUID().toString().substring(0, 8);
        String application = Payloads.contractExampleWith(app -> app.put("applicationId", applicationId));
        problemsOnly()
                .contentType(ContentType.JSON)
                .body(application)
                .post("/decisions")
                .then()
                .statusCode(406)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(406));
        problemsOnly()
                .accept(ContentType.JSON)
                .queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("next", nullValue());
    }

    @Test
    void aRecordItCannotReadIs406() {
        String decisionId = problemsOnly()
                .accept(ContentType.JSON)
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        problemsOnly()
                .get("/decisions/" + decisionId)
                .then()
                .statusCode(406)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(406));
        problemsOnly().get("/rules").then().statusCode(406).contentType(PROBLEM_JSON);
    }

    @Test
    void aClientThatAcceptsNeitherStillGets406() {
        problemsOnly()
                .accept("text/html")
                .get("/decisions/" + UUID.randomUUID())
                .then()
                .statusCode(406);
    }
}
