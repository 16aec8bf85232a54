package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in beside the API's bearer tokens: each path takes its own mechanism only,
 * sessions are HttpOnly and SameSite, state-changing forms need their CSRF token, and the
 * console admits by the same roles as the API.
 */
@QuarkusTest
class ConsoleSecurityTest {

    @BeforeEach
    void noDefaultToken() {
        Tokens.anonymousRequests();
    }

    @Test
    void aPageSendsSomeoneNotSignedInToTheSignInForm() {
        given().redirects()
                .follow(false)
                .get("/console/decisions")
                .then()
                .statusCode(302)
                .header("Location", containsString("/console/login"));
        given().get("/console/login")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("name=\"j_password\""));
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteSessionForTheConsoleOnly() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reader")
                .formParam("j_password", "reader-password")
                .post("/console/j_security_check")
                .then()
                .statusCode(302)
                .header("Set-Cookie", containsString("console-session="))
                .header("Set-Cookie", containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"))
                .header("Set-Cookie", containsString("Path=/console"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reader")
                .formParam("j_password", "not-the-password")
                .post("/console/j_security_check")
                .then()
                .statusCode(302)
                .header("Location", containsString("failed"))
                .header("Set-Cookie", anyOf(nullValue(), not(containsString("console-session="))));
    }

    @Test
    void theConsoleSessionOpensNoApiEndpointAndABearerTokenNoConsolePage() {
        ConsoleSession reader = ConsoleSession.signIn("reader", "reader-password");
        reader.get("/console/decisions").then().statusCode(200);
        // The API takes bearer tokens only: the console's cookie is not a credential on any of it.
        for (String api : List.of("/decisions", "/referrals", "/rules")) {
            given().cookies(reader.cookies)
                    .get(api)
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        // And the console takes its session only: a token is no sign-in.
        given().redirects()
                .follow(false)
                .auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .get("/console/decisions")
                .then()
                .statusCode(302)
                .header("Location", containsString("/console/login"));
        // The API itself works as before.
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .header("Set-Cookie", nullValue());
    }

    @Test
    void theConsoleAdmitsByTheApisRoles() {
        ConsoleSession reader = ConsoleSession.signIn("reader", "reader-password");
        reader.get("/console/rules").then().statusCode(200);
        // Impact analysis is rules:admin's on the API (POST /rules/impact), and so in the console.
        reader.get("/console/impact").then().statusCode(403);
        ConsoleSession owner = ConsoleSession.signIn("owner", "owner-password");
        owner.get("/console/impact").then().statusCode(200);
        // A platform's role reads nothing, here as on the API.
        ConsoleSession platform = ConsoleSession.signIn("platform", "platform-password");
        platform.get("/console/decisions").then().statusCode(403);
    }

    @Test
    void aPageSomeoneMayNotOpenIsAnHtmlPageInTheConsolesFrame() {
        ConsoleSession reader = ConsoleSession.signIn("reader", "reader-password");
        reader.get("/console/impact")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Not open to you"))
                .body(containsString("This page needs the role rules:admin; you have decisions:read."))
                .body(containsString("id=\"sign-out\""))
                .body(not(containsString("\"title\"")));
        String token = reader.token("/console/decisions");
        given().cookies(reader.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .post("/console/rules/reload")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("needs the role rules:admin"));
        // A platform's account opens no page at all: each says so in the console's frame.
        ConsoleSession platform = ConsoleSession.signIn("platform", "platform-password");
        for (String page : new String[] {
            "/console/decisions",
            "/console/decisions/00000000-0000-0000-0000-000000000000",
            "/console/decisions/00000000-0000-0000-0000-000000000000/replay",
            "/console/book",
            "/console/rules",
            "/console/impact",
            "/console/simulate",
            "/console/referrals",
            "/console/referrals/00000000-0000-0000-0000-000000000000"
        }) {
            platform.get(page)
                    .then()
                    .statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(containsString("Not open to you"))
                    .body(containsString("you have decisions:write"))
                    .body(containsString("id=\"sign-out\""));
        }
    }

    @Test
    void theApiStillRefusesWithItsProblemDocument() {
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .get("/decisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .post("/rules/impact")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        ConsoleSession owner = ConsoleSession.signIn("owner", "owner-password");
        String token = owner.token("/console/rules");
        given().cookies(owner.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/rules/reload")
                .then()
                .statusCode(403)
                .body(containsString("CSRF"));
        given().cookies(owner.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token + "x")
                .post("/console/rules/reload")
                .then()
                .statusCode(403);
        // Not a form at all: refused too, whatever it carries.
        given().cookies(owner.cookies)
                .redirects()
                .follow(false)
                .contentType("text/plain")
                .body("csrf=" + token)
                .post("/console/rules/reload")
                .then()
                .statusCode(not(equalTo(303)));
        // Another user's token is no good either: it is bound to the user it was made for.
        ConsoleSession reader = ConsoleSession.signIn("reader", "reader-password");
        String readersToken = reader.token("/console/decisions");
        given().cookies(owner.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", readersToken)
                .post("/console/rules/reload")
                .then()
                .statusCode(403);
        given().cookies(owner.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .post("/console/rules/reload")
                .then()
                .statusCode(303);
    }

    @Test
    void aResolutionPostedWithoutItsCsrfTokenIsRefusedAndNothingIsRecorded() {
        String referral = referral();
        ConsoleSession manager = ConsoleSession.signIn("manager", "manager-password");
        String token = manager.token("/console/referrals/" + referral);
        given().cookies(manager.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("action", "APPROVE")
                .formParam("rationale", "Sent from another site")
                .formParam("key", UUID.randomUUID().toString())
                .post("/console/referrals/" + referral)
                .then()
                .statusCode(403)
                .body(containsString("CSRF"));
        given().cookies(manager.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token + "x")
                .formParam("action", "APPROVE")
                .formParam("rationale", "A token that is not this session's")
                .formParam("key", UUID.randomUUID().toString())
                .post("/console/referrals/" + referral)
                .then()
                .statusCode(403);
        referralStatus(referral, "OPEN");
    }

    @Test
    void withoutTheResolveRoleTheDecisionShowsNoFormAndTheFormIsRefused() {
        String referral = referral();
        ConsoleSession reader = ConsoleSession.signIn("reader", "reader-password");
        reader.get("/console/decisions/" + referral)
                .then()
                .statusCode(200)
                .body(containsString("id=\"referral-status\""))
                .body(containsString("resolving needs the role referrals:resolve"))
                .body(not(containsString("/console/referrals/" + referral)));
        reader.get("/console/referrals").then().statusCode(200).body(not(containsString("Resolve the referral")));
        reader.get("/console/referrals/" + referral).then().statusCode(403);
        String token = reader.token("/console/decisions/" + referral);
        given().cookies(reader.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("action", "APPROVE")
                .formParam("rationale", "A reader may not resolve")
                .formParam("key", UUID.randomUUID().toString())
                .post("/console/referrals/" + referral)
                .then()
                .statusCode(403);
        referralStatus(referral, "OPEN");
        // Who holds the role sees the way to the form on the decision's page.
        ConsoleSession manager = ConsoleSession.signIn("manager", "manager-password");
        manager.get("/console/decisions/" + referral)
                .then()
                .statusCode(200)
                .body(containsString("href=\"/console/referrals/" + referral + "\""));
    }

    static String referral() {
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .extract()
                .path("decisionId");
    }

    static void referralStatus(String decisionId, String status) {
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .get("/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("referral.status", equalTo(status));
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        given().redirects()
                .follow(false)
                .header("Origin", "https://attacker.example")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reader")
                .formParam("j_password", "reader-password")
                .post("/console/j_security_check")
                .then()
                .statusCode(403)
                .header("Set-Cookie", nullValue());
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "cross-site")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reader")
                .formParam("j_password", "reader-password")
                .post("/console/j_security_check")
                .then()
                .statusCode(403);
        // From the console's own page, as a browser says it (Origin is "null" under the pages' no-referrer policy).
        given().redirects()
                .follow(false)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "null")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "reader")
                .formParam("j_password", "reader-password")
                .post("/console/j_security_check")
                .then()
                .statusCode(302)
                .header("Set-Cookie", containsString("console-session="));
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession reader = ConsoleSession.signIn("reader", "reader-password");
        String token = reader.token("/console/decisions");
        given().cookies(reader.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .post("/console/logout")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"))
                .header("Set-Cookie", containsString("console-session=;"));
    }
}
