package com.healthcyber.underwriting.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's, see {@link Browser}): signing in and out,
 * search → decision → replay, a refused rule edit with its file:line, an impact run, a
 * simulation that records nothing, a referral resolved with too little authority and with
 * enough, and a form posted without its CSRF token. The pages' screenshots
 * land in target/console-screenshots (docs/console holds the committed ones).
 */
@QuarkusTest
@TestProfile(ConsoleBrowserProfile.class)
class ConsoleBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private WebDriver browser;

    @BeforeEach
    void freshBrowser() {
        Tokens.anonymousRequests();
        browser = Browser.driver();
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void restoreTheRules() {
        CopiedRules.restore(ConsoleBrowserProfile.RULES);
        given().auth().oauth2(Tokens.withRoles(Roles.RULES_ADMIN)).post("/rules/reload");
    }

    @Test
    void theAdministratorSignsInWithTheFirstStartPasswordAndSignsOut() throws Exception {
        String password = Files.readString(Path.of("target/test-data/console/admin-password"))
                .strip();
        open("/console/decisions");
        assertTrue(browser.getCurrentUrl().contains("/console/login"), browser.getCurrentUrl());
        Browser.screenshot("sign-in");
        signIn("admin", password);
        assertTrue(browser.getCurrentUrl().contains("/console/decisions"), browser.getCurrentUrl());
        assertTrue(text("form.signout .who").contains("admin"));
        browser.findElement(By.id("sign-out")).click();
        waitFor(By.cssSelector("p.notice"));
        assertTrue(text("p.notice").contains("signed out"));
        open("/console/decisions");
        assertTrue(browser.getCurrentUrl().contains("/console/login"), "signed out means signed out");
    }

    @Test
    void searchesForADecisionOpensItAndReplaysItOnTodaysRules() {
        String applicationId = "BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
        String decisionId = decide(Payloads.contractExampleWith(app -> app.put("applicationId", applicationId)));
        signIn("reader", "reader-password");
        open("/console/decisions");
        browser.findElement(By.id("applicationId")).sendKeys(applicationId);
        new Select(browser.findElement(By.id("outcome"))).selectByValue("REFER");
        browser.findElement(By.id("search")).click();
        waitFor(By.cssSelector("table.results tbody a"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.results tbody tr"));
        assertEquals(1, rows.size(), "one decision of " + applicationId);
        Browser.screenshot("decisions");
        rows.get(0).findElement(By.tagName("a")).click();
        waitFor(By.id("outcome"));
        assertTrue(browser.getCurrentUrl().endsWith(decisionId));
        assertEquals("REFER", text("#outcome"));
        assertTrue(text("main").contains("LOSS_HISTORY"));
        assertTrue(text("main").contains("Riverside Family Medicine"), "the applicant laid out");
        Browser.screenshot("decision");
        browser.findElement(By.id("replay")).click();
        waitFor(By.id("replayed-outcome"));
        assertEquals("REFER", text("#stored-outcome"));
        assertEquals("REFER", text("#replayed-outcome"));
        assertTrue(text("#replay-verdict").contains("same answer"));
        Browser.screenshot("replay");
    }

    @Test
    void aRefusedRuleEditShowsWithItsFileAndLine() {
        CopiedRules.edit(
                ConsoleBrowserProfile.RULES,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmail == false )",
                "Controls( mfaEmial == false )");
        signIn("owner", "owner-password");
        open("/console/rules");
        browser.findElement(By.id("reload")).click();
        waitFor(By.cssSelector("#reload-history tbody tr.REJECTED"));
        String refused = browser.findElement(By.cssSelector("#reload-history tbody tr.REJECTED"))
                .getText();
        assertTrue(refused.matches("(?s).*common/minimum-controls\\.drl:\\d+.*"), refused);
        assertTrue(refused.contains("Email without MFA"), refused);
        assertTrue(text("#rule-catalogue").contains("MISSING_MFA_EMAIL"), "the live rules are still listed");
        Browser.screenshot("rules");
    }

    @Test
    void runsAnImpactAnalysisOnACandidateAndDrillsDownToAChangedDecision() {
        decide(Payloads.contractExampleWithPatchDays(25));
        signIn("owner", "owner-password");
        open("/console/impact");
        new Select(browser.findElement(By.id("candidate"))).selectByValue(ConsoleBrowserProfile.CANDIDATE);
        browser.findElement(By.id("run-impact")).click();
        waitFor(By.id("impact-report"));
        assertTrue(Integer.parseInt(text("#changed-count")) > 0, "the stricter candidate changes decisions");
        assertFalse(
                browser.findElements(By.cssSelector("#impact-report svg.chart")).isEmpty(), "drawn as a picture");
        assertTrue(text("#impact-report").contains("PATCHING_CADENCE"));
        Browser.screenshot("impact");
        browser.findElement(By.cssSelector("ul.samples a")).click();
        waitFor(By.id("replayed-outcome"));
        assertTrue(browser.getCurrentUrl().endsWith("/replay"));
    }

    @Test
    void runsACutOverImpactVersionOnesHistoryDecidedAgainByVersionTwo() {
        // v1 refers this one claim paid 150,000 with patches in 25 days; v2 declines both.
        decide(Payloads.contractExampleWith(application -> {
            application.put(
                    "applicationId", "CUT-OVER-" + UUID.randomUUID().toString().substring(0, 8));
            application.withObject("/coverage").put("effectiveDate", "2027-06-30");
            application.withObject("/coverage").put("transactionType", "NEW_BUSINESS");
            application.withObject("/controls").put("criticalPatchDays", 25);
            ((com.fasterxml.jackson.databind.node.ObjectNode)
                            application.withArray("/history/claims").get(0))
                    .put("paid", 150_000);
        }));
        signIn("owner", "owner-password");
        open("/console/impact");
        browser.findElement(By.id("mode-cut-over")).click();
        new Select(browser.findElement(By.id("history"))).selectByValue("v1");
        new Select(browser.findElement(By.id("replayOn"))).selectByValue("v2");
        browser.findElement(By.id("run-impact")).click();
        waitFor(By.id("impact-report"));
        assertTrue(text("#report-title").startsWith("v1's decisions on guideline v2"), text("#report-title"));
        assertTrue(Integer.parseInt(text("#changed-count")) > 0, "v2 decides v1's history otherwise");
        String transitions = text("#impact-report figure:first-of-type");
        assertTrue(transitions.contains("REFER → DECLINE"), transitions);
        assertTrue(text("#impact-report").contains("LOSS_HISTORY_SEVERE"), "a code v2 adds");
        assertTrue(browser.findElement(By.id("mode-cut-over")).isSelected(), "the form shows again as it was sent");
        Browser.screenshot("impact-cut-over");
        browser.findElement(By.cssSelector("ul.samples a")).click();
        waitFor(By.id("replayed-outcome"));
        assertTrue(browser.getCurrentUrl().endsWith("/replay"), "a changed decision drills down to its replay");
    }

    @Test
    void aSimulationAnswersAndRecordsNothing() {
        String applicationId = "SIMULATED-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("reader", "reader-password");
        open("/console/simulate");
        WebElement application = browser.findElement(By.id("application"));
        String example = application.getAttribute("value");
        application.clear();
        application.sendKeys(example.replace("APP-1001", applicationId));
        browser.findElement(By.id("simulate")).click();
        waitFor(By.id("simulated-outcome"));
        assertEquals("REFER", text("#simulated-outcome"));
        assertTrue(text("#simulation-result").contains("not on record"));
        assertTrue(text("#answer-v1").contains("in force for its dates"), "v1 decides the example's dates");
        assertTrue(
                text("#answer-v2").contains("REFER")
                        || text("#answer-v2").contains("DECLINE")
                        || text("#answer-v2").contains("ACCEPT"),
                "v2's answer is shown beside it");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('result-title').scrollIntoView()");
        Browser.screenshot("simulate");
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theBookIsDrawn() {
        decide(Payloads.contractExample());
        signIn("reader", "reader-password");
        open("/console/book");
        waitFor(By.cssSelector("#outcome-chart svg rect"));
        assertFalse(
                browser.findElements(By.cssSelector("#referral-age-chart svg rect"))
                        .isEmpty(),
                "the open referral is drawn among the referrals' ages");
        Browser.screenshot("book");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('ages-title').scrollIntoView()");
        Browser.screenshot("book-referral-ages");
    }

    @Test
    void anUnderwriterBelowTheRequiredAuthorityIsToldSoAndTheReferralStaysOpen() {
        String referral = decide(Payloads.contractExample());
        signIn("underwriter", "underwriter-password");
        open("/console/decisions/" + referral);
        waitFor(By.id("referral-status"));
        assertEquals("OPEN", text("#referral-status"));
        assertTrue(text("#authority-note").contains("needs SENIOR_UNDERWRITER or above"), text("#authority-note"));
        browser.findElement(By.id("resolve")).click();
        waitFor(By.id("resolve-form"));
        assertTrue(text("#authority-note").contains("you hold UNDERWRITER"), "said before sending, not hidden");
        browser.findElement(By.id("action-approve")).click();
        browser.findElement(By.id("rationale")).sendKeys("Looks fine to me.");
        browser.findElement(By.id("submit-resolution")).click();
        waitFor(By.id("refusal"));
        String refusal = text("#refusal");
        assertTrue(refusal.contains("Insufficient authority"), refusal);
        assertTrue(
                refusal.contains("This referral needs SENIOR_UNDERWRITER or above to resolve; you hold UNDERWRITER."),
                refusal);
        assertTrue(refusal.contains("Nothing was recorded"), refusal);
        assertEquals(
                "Looks fine to me.", browser.findElement(By.id("rationale")).getAttribute("value"), "kept");
        Browser.screenshot("resolve-refused");
        assertEquals("OPEN", referralStatus(referral));
        open("/console/decisions/" + referral);
        assertEquals("OPEN", text("#referral-status"));
    }

    @Test
    void aManagerResolvesFromTheQueueTheDecisionShowsTheResolutionAndTheQueueNoLongerListsIt() {
        String referral = decide(Payloads.contractExample());
        signIn("manager", "manager-password");
        String filters = "requiredAuthority=SENIOR_UNDERWRITER&product=CYBER_HEALTHCARE";
        assertTrue(queueLists(referral, filters), "the new referral waits in the queue");
        WebElement row = browser.findElement(By.cssSelector("tr[data-decision='" + referral + "']"));
        assertTrue(row.getText().contains("SENIOR_UNDERWRITER"), row.getText());
        assertTrue(row.getText().contains("LOSS_HISTORY"), row.getText());
        Browser.screenshot("referrals");
        row.findElement(By.linkText("Resolve")).click();
        waitFor(By.id("resolve-form"));
        assertTrue(browser.findElements(By.id("authority-note")).isEmpty(), "a manager's authority is enough");
        // By keyboard: the radio by its key, the text typed, the form sent with Enter on its button.
        browser.findElement(By.id("action-approve")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("rationale")).sendKeys("Claim was a one-off phishing loss; MFA rolled out since.");
        browser.findElement(By.id("subjectivities"))
                .sendKeys("Signed MFA attestation before binding" + Keys.ENTER + "Phishing training within 60 days");
        Browser.screenshot("resolve");
        browser.findElement(By.id("submit-resolution")).sendKeys(Keys.ENTER);
        waitFor(By.id("resolution"));
        assertTrue(browser.getCurrentUrl().contains("/console/decisions/" + referral), browser.getCurrentUrl());
        assertEquals("RESOLVED", text("#referral-status"));
        assertEquals("APPROVE", text("#resolution-action"));
        assertEquals("manager", text("#resolved-by"));
        assertTrue(text("#resolution").contains("UNDERWRITING_MANAGER"));
        assertEquals("Claim was a one-off phishing loss; MFA rolled out since.", text("#resolution-rationale"));
        assertEquals(
                List.of("Signed MFA attestation before binding", "Phishing training within 60 days"),
                browser.findElements(By.cssSelector("#resolution-subjectivities li")).stream()
                        .map(WebElement::getText)
                        .toList());
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('referral').scrollIntoView()");
        Browser.screenshot("decision-resolved");
        assertEquals("RESOLVED", referralStatus(referral));
        assertFalse(queueLists(referral, filters), "resolved: off the queue");
    }

    /** Walks the queue's pages (oldest first) looking for the referral; stays on the page that lists it. */
    private boolean queueLists(String decisionId, String filters) {
        open("/console/referrals?" + filters);
        for (int page = 0; page < 400; page++) {
            waitFor(By.id("referral-queue"));
            if (!browser.findElements(By.cssSelector("tr[data-decision='" + decisionId + "']"))
                    .isEmpty()) {
                return true;
            }
            List<WebElement> next = browser.findElements(By.id("next-page"));
            if (next.isEmpty()) {
                return false;
            }
            browser.get(next.get(0).getAttribute("href"));
        }
        throw new AssertionError("the queue has more pages than a test makes");
    }

    private static String referralStatus(String decisionId) {
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_READ))
                .get("/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .extract()
                .path("referral.status");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        signIn("owner", "owner-password");
        open("/console/rules");
        String before = text("#reload-history");
        // A form as another site would post it: right action, no token.
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("const f = document.createElement('form'); f.method = 'post';"
                        + " f.action = '/console/rules/reload'; document.body.appendChild(f); f.submit();");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "CSRF"));
        assertTrue(browser.getPageSource().contains("Refused"));
        open("/console/rules");
        assertEquals(before, text("#reload-history"), "nothing was reloaded");
    }

    private String decide(String application) {
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(application)
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
    }

    private void signIn(String user, String password) {
        open("/console/login");
        browser.findElement(By.id("j_username")).sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        waitFor(By.id("sign-out"));
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private void waitFor(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }
}
