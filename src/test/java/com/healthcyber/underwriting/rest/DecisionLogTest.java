package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One line per decision, naming it; never the applicant's security posture. */
@QuarkusTest
class DecisionLogTest {

    @org.junit.jupiter.api.BeforeEach
    void authenticate() {
        com.healthcyber.underwriting.security.Tokens.authenticateEveryRequest();
    }

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord copy = ExtLogRecord.wrap(record);
            copy.copyAll(); // the record reads the MDC lazily, and the service clears it as soon as the line is written
            records.add(copy);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void logsOneStructuredLinePerDecisionWithoutTheApplicationsContents() {
        var decision = given().contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String decisionId = decision.getString("decisionId");

        List<ExtLogRecord> lines = records.stream()
                .filter(record -> record.getFormattedMessage().contains(decisionId))
                .toList();
        assertEquals(1, lines.size(), "one line per decision");
        ExtLogRecord line = lines.get(0);
        assertEquals("INFO", line.getLevel().getName());
        String message = line.getFormattedMessage();
        assertTrue(message.contains("applicationId=APP-1001"), message);
        assertTrue(message.contains("product=CYBER_HEALTHCARE"), message);
        assertTrue(message.contains("outcome=REFER"), message);
        assertTrue(message.contains("codes=[LOSS_HISTORY,RECENT_BREACH]"), message);
        assertTrue(message.contains("rulesetVersion=" + decision.getString("rulesetVersion")), message);
        assertTrue(message.matches(".*durationMicros=\\d+.*"), message);
        assertEquals(decisionId, line.getMdc("decisionId"), "fields are structured for JSON logging too");
        assertEquals("LOSS_HISTORY,RECENT_BREACH", line.getMdc("codes"));
        assertNotEquals(
                "decision-writer",
                line.getThreadName(),
                "the writer thread only commits: each decision is logged and answered on its request's own thread");

        for (ExtLogRecord record : records) {
            String text = record.getFormattedMessage() + " " + record.getMdcCopy();
            for (String confidential :
                    List.of("Riverside", "38000", "4200000", "mfaEmail", "PHISHING", "45000", "HHS_OCR")) {
                assertFalse(text.contains(confidential), "the log must not carry '" + confidential + "': " + text);
            }
        }
    }

    @Test
    void logsNothingOfARejectedApplication() {
        given().contentType(ContentType.JSON)
                .body(Payloads.contractExampleWith(
                        app -> app.withObject("/applicant").put("name", 7)))
                .post("/decisions")
                .then()
                .statusCode(400);
        records.forEach(record ->
                assertFalse(record.getFormattedMessage().contains("Riverside"), record.getFormattedMessage()));
    }

    /** Issue 14: a newline or terminal escape in an applicationId forged or hid decision lines in plain-text logs. */
    @Test
    void escapesControlCharactersSoNoRequestCanForgeOrHideALine() {
        String forged = "APP-1\nINFO decision decisionId=forged outcome=ACCEPT\u001b[1A\u001b[2K\u202e\u0085";
        String decisionId = given().contentType(ContentType.JSON)
                .body(Payloads.contractExampleWith(app -> app.put("applicationId", forged)))
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");

        ExtLogRecord line = records.stream()
                .filter(record -> record.getFormattedMessage().contains(decisionId))
                .findFirst()
                .orElseThrow();
        String message = line.getFormattedMessage();
        assertTrue(message.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x202e), message);
        assertTrue(
                message.contains(
                        "applicationId=APP-1\\nINFO decision decisionId=forged outcome=ACCEPT\\u001b[1A\\u001b[2K\\u202e\\u0085 "),
                message);
        assertEquals(
                forged,
                line.getMdc("applicationId"),
                "JSON logging escapes the MDC itself, so it keeps the value as sent");
    }
}
