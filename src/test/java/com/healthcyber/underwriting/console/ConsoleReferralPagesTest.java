package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The referral desk's pages over plain HTTP: what the resolve form says about bad input, a
 * referral that is not there to resolve, too little authority, and the queue's filters. Nothing
 * refused is recorded: each case reads the decision back through the API.
 */
@QuarkusTest
class ConsoleReferralPagesTest {

    private ConsoleSession manager;

    @BeforeEach
    void signIn() {
        Tokens.anonymousRequests();
        manager = ConsoleSession.signIn("manager", "manager-password");
    }

    @Test
    void aResolutionThatIsNotWellFormedComesBackWithEveryProblemNamedAndNothingIsRecorded() {
        String referral = ConsoleSecurityTest.referral();
        submit(manager, referral, null, "   ", "")
                .statusCode(400)
                .body(containsString("Approve or decline: "))
                .body(containsString("Rationale: "))
                .body(containsString("id=\"resolve-form\""))
                .body(not(containsString("Exception")));
        submit(manager, referral, "MAYBE", "Because", "")
                .statusCode(400)
                .body(containsString("Approve or decline: "))
                .body(containsString(">Because</textarea>"));
        submit(manager, referral, "APPROVE", "x".repeat(2001), "")
                .statusCode(400)
                .body(containsString("Rationale: "));
        submit(manager, referral, "APPROVE", "Fine", "ok\n" + "y".repeat(501))
                .statusCode(400)
                .body(containsString("Subjectivity 2: "));
        submit(manager, referral, "DECLINE", "No", "A subjectivity on a decline")
                .statusCode(400)
                .body(containsString("ubjectivities"));
        ConsoleSecurityTest.referralStatus(referral, "OPEN");
    }

    @Test
    void tooLittleAuthorityIsRefusedNamingBothLevelsAndTheReferralStaysOpen() {
        String referral = ConsoleSecurityTest.referral();
        ConsoleSession underwriter = ConsoleSession.signIn("underwriter", "underwriter-password");
        underwriter
                .get("/console/referrals/" + referral)
                .then()
                .statusCode(200)
                .body(containsString(
                        "This referral needs SENIOR_UNDERWRITER or above to resolve; you hold UNDERWRITER."));
        submit(underwriter, referral, "APPROVE", "I think it is fine", "")
                .statusCode(403)
                .body(containsString("Insufficient authority"))
                .body(containsString("needs SENIOR_UNDERWRITER or above to resolve; you hold UNDERWRITER."))
                .body(containsString("Nothing was recorded"));
        ConsoleSecurityTest.referralStatus(referral, "OPEN");
    }

    @Test
    void aResolvedReferralIsFinalAndADecisionThatIsNoReferralHasNoForm() {
        String referral = ConsoleSecurityTest.referral();
        String key = UUID.randomUUID().toString();
        submit(manager, referral, "APPROVE", "One-off loss; MFA since.", "Signed MFA attestation", key)
                .statusCode(303)
                .header("Location", containsString("/console/decisions/" + referral));
        // The same form sent twice (a double click) is the one resolution, not a conflict.
        submit(manager, referral, "APPROVE", "One-off loss; MFA since.", "Signed MFA attestation", key)
                .statusCode(303);
        submit(manager, referral, "DECLINE", "Changed my mind", "")
                .statusCode(409)
                .body(containsString("Already resolved"))
                .body(containsString("a resolution is final"));
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .get("/decisions/" + referral)
                .then()
                .body("referral.status", equalTo("RESOLVED"))
                .body("referral.resolution.action", equalTo("APPROVE"))
                .body("referral.resolution.resolvedBy", equalTo("manager"))
                .body("referral.resolution.subjectivities[0]", equalTo("Signed MFA attestation"));
        manager.get("/console/referrals/" + referral)
                .then()
                .statusCode(200)
                .body(containsString("id=\"resolved-already\""))
                .body(not(containsString("id=\"resolve-form\"")));
        manager.get("/console/decisions/" + referral)
                .then()
                .statusCode(200)
                .body(containsString("id=\"resolution\""))
                .body(containsString("One-off loss; MFA since."))
                .body(containsString("Signed MFA attestation"));

        String accepted = given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExampleWith(application -> {
                    application.withObject("/history").remove("claims");
                    application.withObject("/history").remove("breaches");
                }))
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ACCEPT"))
                .extract()
                .path("decisionId");
        manager.get("/console/referrals/" + accepted).then().statusCode(409).body(containsString("Not a referral"));
        submit(manager, accepted, "APPROVE", "Nothing to resolve", "")
                .statusCode(409)
                .body(containsString("only a REFER is resolved by a person"));
        manager.get("/console/decisions/" + accepted)
                .then()
                .statusCode(200)
                .body(not(containsString("id=\"referral\"")));
        manager.get("/console/referrals/" + UUID.randomUUID()).then().statusCode(404);
        manager.get("/console/referrals/not-an-id")
                .then()
                .statusCode(404)
                .body(containsString("No decision has that id."));
    }

    @Test
    void theQueueListsOpenReferralsOldestFirstFiltersThemAndNamesBadFilters() {
        String first = ConsoleSecurityTest.referral();
        String second = ConsoleSecurityTest.referral();
        // Other tests leave referrals open: the two are found by walking the pages, oldest first.
        java.util.List<String> listed = new java.util.ArrayList<>();
        String next = "/console/referrals?requiredAuthority=SENIOR_UNDERWRITER&product=CYBER_HEALTHCARE";
        for (int page = 0; next != null && page < 400; page++) {
            String html = manager.get(next).then().statusCode(200).extract().asString();
            java.util.regex.Matcher rows = java.util.regex.Pattern.compile("data-decision=\"([0-9a-f-]{36})\"")
                    .matcher(html);
            while (rows.find()) {
                listed.add(rows.group(1));
            }
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"")
                    .matcher(html);
            next = more.find() ? more.group(1).replace("&amp;", "&") : null;
        }
        assertEquals(true, listed.contains(first) && listed.indexOf(first) < listed.indexOf(second), "oldest first");
        assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), "no referral on two pages");
        manager.get("/console/referrals?requiredAuthority=UNDERWRITER")
                .then()
                .statusCode(200)
                .body(not(containsString(first)));
        manager.get("/console/referrals?requiredAuthority=BOSS&product=PETS&cursor=garbage")
                .then()
                .statusCode(200)
                .body(containsString(
                        "Required authority: must be one of [UNDERWRITER, SENIOR_UNDERWRITER, UNDERWRITING_MANAGER]"))
                .body(containsString("Product: must be one of"))
                .body(containsString("Page: the link is not one this console made"));
    }

    @Test
    void waitingIsSaidAsAPersonSaysIt() {
        Instant now = Instant.parse("2027-01-10T12:00:00Z");
        assertEquals("under a minute", ReferralPages.waited(now.plusSeconds(30), now));
        assertEquals("52 min", ReferralPages.waited(now.minusSeconds(52 * 60 + 5), now));
        assertEquals("3 h 7 min", ReferralPages.waited(now.minusSeconds(3 * 3600 + 7 * 60), now));
        assertEquals("3 d 4 h", ReferralPages.waited(now.minusSeconds(3 * 86400 + 4 * 3600 + 59), now));
        assertEquals(
                java.util.List.of("under 1 day", "1–3 days", "3–7 days", "7–14 days", "14 days and more"),
                BookPages.bandLabels(com.healthcyber.underwriting.decision.ReferralService.AGE_BOUNDS));
    }

    private static ValidatableResponse submit(
            ConsoleSession user, String referral, String action, String rationale, String subjectivities) {
        return submit(
                user,
                referral,
                action,
                rationale,
                subjectivities,
                UUID.randomUUID().toString());
    }

    private static ValidatableResponse submit(
            ConsoleSession user, String referral, String action, String rationale, String subjectivities, String key) {
        String token = user.token("/console/referrals");
        var request = given().cookies(user.cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("rationale", rationale)
                .formParam("subjectivities", subjectivities)
                .formParam("key", key);
        if (action != null) {
            request.formParam("action", action);
        }
        return request.post("/console/referrals/" + referral).then();
    }
}
