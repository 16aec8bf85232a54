package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.ruleset.CopiedRules;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules page's scenarios are what the live rules were proven on at their gate, kept from
 * start-up or the reload that put them live: an edit on disk changes nothing there until a
 * reload accepts it, and a refused reload leaves them as they were.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserProfile.class)
class ConsoleRulesPageTest {

    private static final String SCENARIO =
            "A clean renewal on 2027-09-30, the last day v1 decides renewals, is accepted";
    private static final String FILE = "v1/scenarios/renewals.json";

    private ConsoleSession owner;

    @BeforeEach
    void signIn() {
        Tokens.anonymousRequests();
        owner = ConsoleSession.signIn("owner", "owner-password");
    }

    @AfterEach
    void restoreTheRules() {
        CopiedRules.restore(ConsoleBrowserProfile.RULES);
        reload();
    }

    @Test
    void scenariosAreTheLiveGatesResultsNotTheFilesAsTheyAreNow() {
        String v1 = fingerprint();
        assertEquals("PASSED ACCEPT " + v1, row(SCENARIO));

        // On disk only: the scenario now expects a decline, but nothing verified that.
        CopiedRules.edit(ConsoleBrowserProfile.RULES, FILE, "\"outcome\": \"ACCEPT\"", "\"outcome\": \"DECLINE\"");
        assertEquals("PASSED ACCEPT " + v1, row(SCENARIO), "the page does not read the files again");

        // A rule edit with that scenario is refused at the gate: the live rules' results stay.
        CopiedRules.edit(
                ConsoleBrowserProfile.RULES,
                "v1/common/minimum-controls.drl",
                "email does not require multi-factor authentication.",
                "email is not protected by multi-factor authentication.");
        assertEquals(422, reload());
        String page = rulesPage();
        assertEquals("PASSED ACCEPT " + v1, row(SCENARIO));
        assertFalse(scenarioTable(page).contains("FAILED"), "the refused rules never went live");
        assertTrue(page.contains(SCENARIO + "”: expected DECLINE"), "the refusal is in the reload history");

        // Accepted, the new rules' gate results replace the old.
        CopiedRules.edit(ConsoleBrowserProfile.RULES, FILE, "\"outcome\": \"DECLINE\"", "\"outcome\": \"ACCEPT\"");
        CopiedRules.edit(ConsoleBrowserProfile.RULES, FILE, SCENARIO, SCENARIO + " (renamed)");
        assertEquals(200, reload());
        String next = fingerprint();
        assertFalse(next.equals(v1));
        assertEquals("PASSED ACCEPT " + next, row(SCENARIO + " (renamed)"));
        assertFalse(scenarioTable(rulesPage()).contains(SCENARIO + "</td>"), "the old name went with its gate");
    }

    private String rulesPage() {
        return owner.get("/console/rules").then().statusCode(200).extract().asString();
    }

    private static String scenarioTable(String page) {
        int start = page.indexOf("id=\"scenario-table\"");
        return page.substring(start, page.indexOf("</table>", start));
    }

    /** A scenario's row in words: its result, expected outcome and the fingerprint its gate verified. */
    private String row(String name) {
        Matcher row = Pattern.compile(
                        "<td>" + Pattern.quote(name) + "</td><td>(\\w+) .*?<span class=\"badge \\w+\">(\\w+)</span>.*?"
                                + "<code class=\"short\" title=\"([^\"]+)\">",
                        Pattern.DOTALL)
                .matcher(scenarioTable(rulesPage()));
        if (!row.find()) {
            return "no row for " + name;
        }
        return row.group(2) + " " + row.group(1) + " " + row.group(3);
    }

    private static String fingerprint() {
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .get("/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("guidelines.find { it.guidelineVersion == 'v1' }.version");
    }

    private static int reload() {
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.RULES_ADMIN))
                .post("/rules/reload")
                .statusCode();
    }
}
