package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.audit.PostgresStore;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With the decision store away (the proxy in front of a real PostgreSQL cut), every console page
 * that reads it answers 503 with an HTML page in the console's frame, while the API under
 * /decisions keeps its problem document.
 */
@QuarkusTest
@TestProfile(PostgresStore.class)
class ConsoleStoreOutageTest {

    @BeforeEach
    void noDefaultToken() {
        Tokens.anonymousRequests();
    }

    @Test
    void aStoreOutageIsAnHtmlPageOnEveryConsolePageThatReadsIt() throws Exception {
        String recorded = given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        ConsoleSession owner = ConsoleSession.signIn("owner", "owner-password");
        String token = owner.token("/console/impact");

        PostgresStore.proxy.cut();
        try {
            for (String page : new String[] {
                "/console/decisions",
                "/console/decisions/" + recorded,
                "/console/decisions/" + recorded + "/replay",
                "/console/book",
                "/console/referrals"
            }) {
                owner.get(page)
                        .then()
                        .statusCode(503)
                        .contentType(containsString("text/html"))
                        .header("Retry-After", "5")
                        .body(containsString("The decision store does not answer"))
                        .body(containsString("id=\"sign-out\""));
            }
            given().cookies(owner.cookies)
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", token)
                    .post("/console/impact")
                    .then()
                    .statusCode(503)
                    .contentType(containsString("text/html"))
                    .body(containsString("The decision store does not answer"));
            given().auth()
                    .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                    .get("/decisions/" + recorded)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("title", org.hamcrest.Matchers.equalTo("Decision store unavailable"));
        } finally {
            PostgresStore.proxy.restore();
        }
    }
}
