package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the console's pages say about bad input: a page naming what is wrong, never a 500 or a trace. */
@QuarkusTest
class ConsolePagesTest {

    private ConsoleSession reader;

    @BeforeEach
    void signIn() {
        Tokens.anonymousRequests();
        reader = ConsoleSession.signIn("reader", "reader-password");
    }

    @Test
    void anUnknownOrMalformedDecisionIdIsAPageSayingSo() {
        reader.get("/console/decisions/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No decision 00000000-0000-0000-0000-000000000000 is on record."));
        reader.get("/console/decisions/not-an-id/replay")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No decision has that id."));
    }

    @Test
    void badFiltersAreListedOnTheSearchPage() {
        reader.get("/console/decisions?outcome=MAYBE&from=yesterday&cursor=garbage")
                .then()
                .statusCode(200)
                .body(containsString("Outcome: must be one of [ACCEPT, REFER, DECLINE]"))
                .body(containsString("Decided from: must be a date, yyyy-mm-dd"))
                .body(containsString("Page: the link is not one this console made"))
                .body(not(containsString("Exception")));
        reader.get("/console/book?per=month&periods=5000")
                .then()
                .statusCode(200)
                .body(containsString("Per: must be one of [DAY, WEEK]"))
                .body(containsString("Periods: must be a whole number from 1 to 106"));
    }

    @Test
    void anApplicationThatIsNotWellFormedIsNotSimulatedAndSaysWhy() {
        String token = reader.token("/console/simulate");
        given().cookies(reader.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("application", "{\"applicationId\":\"X\",\"product\":\"CYBER_HEALTHCARE\"}")
                .post("/console/simulate")
                .then()
                .statusCode(200)
                .body(containsString("Not a well-formed application; it was not evaluated"))
                .body(containsString("controls: is required"))
                .body(not(containsString("simulated-outcome")));
        given().cookies(reader.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("application", "not json at all")
                .post("/console/simulate")
                .then()
                .statusCode(200)
                .body(containsString("Not a well-formed application"));
    }

    @Test
    void aSimulationShowsWhatEachGuidelineVersionWouldAnswerAndWhichIsInForce() {
        String token = reader.token("/console/simulate");
        for (String[] dated : new String[][] {{"2027-06-30", "v1", "v2"}, {"2027-07-01", "v2", "v1"}}) {
            String application = Payloads.contractExampleWith(example -> {
                example.withObject("/coverage").put("effectiveDate", dated[0]);
                example.withObject("/coverage").put("transactionType", "NEW_BUSINESS");
            });
            String page = given().cookies(reader.cookies)
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf", token)
                    .formParam("application", application)
                    .post("/console/simulate")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String inForce = row(page, dated[1]);
            String other = row(page, dated[2]);
            assertTrue(page.contains("<strong id=\"simulated-guideline\">" + dated[1] + "</strong>"), page);
            assertTrue(inForce.contains("in force for its dates"), inForce);
            assertFalse(other.contains("in force for its dates"), other);
            assertTrue(inForce.contains("LOSS_HISTORY"), inForce);
            assertTrue(other.contains("badge"), "the other version answers too: " + other);
        }
    }

    private static String row(String page, String version) {
        int start = page.indexOf("<tr id=\"answer-" + version + "\">");
        assertTrue(start >= 0, "a row for " + version + " in " + page);
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void decisionsAreSearchedByGuidelineVersionWhichEachRowAndDecisionShows() {
        String applicationId = "VERSIONS-" + UUID.randomUUID().toString().substring(0, 8);
        String byV1 = decide(applicationId, "2027-06-30");
        String byV2 = decide(applicationId, "2027-07-01");

        String v2Only = reader.get("/console/decisions?applicationId=" + applicationId + "&guidelineVersion=v2")
                .then()
                .statusCode(200)
                .body(containsString("<option value=\"v1\">v1</option>"))
                .body(containsString("<option value=\"v2\" selected>v2</option>"))
                .extract()
                .asString();
        assertEquals(Map.of(byV2, "v2"), rows(v2Only), "only the decision v2 made, its version in its row");

        String every = reader.get("/console/decisions?applicationId=" + applicationId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(Map.of(byV1, "v1", byV2, "v2"), rows(every));

        reader.get("/console/decisions/" + byV1)
                .then()
                .statusCode(200)
                .body(containsString("<dt>Guideline version</dt><dd>v1</dd>"));
    }

    @Test
    void aGuidelineVersionTheServiceDoesNotKnowIsListedAsAProblem() {
        reader.get("/console/decisions?guidelineVersion=v9")
                .then()
                .statusCode(200)
                .body(containsString("Guideline version: must be one of [v1, v2]"))
                .body(containsString("No decision on record matches."))
                .body(not(containsString("Exception")));
    }

    @Test
    void aCutOverWithoutKnownVersionsIsNotRunAndTheFormSaysWhy() {
        ConsoleSession owner = ConsoleSession.signIn("owner", "owner-password");
        String token = owner.token("/console/impact");
        given().cookies(owner.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("mode", "cut-over")
                .formParam("history", "v9")
                .formParam("replayOn", "")
                .post("/console/impact")
                .then()
                .statusCode(200)
                .body(containsString("History of: must be one of [v1, v2]"))
                .body(containsString(
                        "Cut-over: choose the version whose history to replay and the version to decide it"))
                .body(not(containsString("id=\"impact-report\"")));
        given().cookies(owner.cookies)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", token)
                .formParam("mode", "sideways")
                .post("/console/impact")
                .then()
                .statusCode(200)
                .body(containsString("Replay on: must be the rules or another guideline version"))
                .body(not(containsString("id=\"impact-report\"")));
    }

    /** A results row: its decision's link, then (past the reason codes) its guideline cell. */
    private static final Pattern ROW = Pattern.compile(
            "<td><a href=\"/console/decisions/([0-9a-f-]{36})\">.*?</td>\\s*<td>(v\\d+)</td>\\s*<td><code class=\"short\"",
            Pattern.DOTALL);

    /** Each listed decision's guideline version, by decision id. */
    private static Map<String, String> rows(String page) {
        Map<String, String> rows = new java.util.HashMap<>();
        Matcher matcher = ROW.matcher(page);
        while (matcher.find()) {
            rows.put(matcher.group(1), matcher.group(2));
        }
        return rows;
    }

    /** A new-business decision effective on {@code effectiveDate}: v1 decides before 2027-07-01, v2 from it. */
    static String decide(String applicationId, String effectiveDate) {
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExampleWith(application -> {
                    application.put("applicationId", applicationId);
                    application.withObject("/coverage").put("effectiveDate", effectiveDate);
                    application.withObject("/coverage").put("transactionType", "NEW_BUSINESS");
                }))
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
    }
}
