package com.healthcyber.underwriting.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.ManagementInterface;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database that hangs rather than refuses (SIGSTOP, a lost route): the proxy in front of a real
 * PostgreSQL server stops forwarding bytes but keeps the connections open, then resumes, and the
 * statement in flight commits late. No answer may contradict the record: a request is told
 * "not recorded" only when its record can never be committed.
 */
@QuarkusTest
@TestProfile(HungPostgresStore.class)
class PostgresHungStoreTest {

    private static final String NOT_RECORDED = "Decision store unavailable";
    private static final String OUTCOME_UNKNOWN = "Decision outcome unknown";

    private final List<LogRecord> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void authenticateAndCaptureTheLog() {
        Tokens.authenticateEveryRequest();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    private record Attempt(String applicationId, String key, Response answer) {}

    /** How one hang's answers fell: told "outcome unknown", told "not recorded". */
    private record Outcomes(int unknown, int notRecorded) {}

    @Test
    void anAnswerDuringAHangNeverContradictsTheRecord() throws Exception {
        // Every hang must leave no answer contradicting the record. Which requests the hang
        // catches inside the writer's statement is the scheduler's doing: on a loaded machine the
        // first wave may still be waiting for its connection when the bytes stop, and all are then
        // rightly "not recorded". So hang again, up to three times, until both cases occurred.
        Outcomes outcomes = hangOnce();
        for (int again = 0; again < 2 && (outcomes.unknown() == 0 || outcomes.notRecorded() == 0); again++) {
            outcomes = hangOnce();
        }
        // Both cases occurred: the statement in flight committed late; the queued records were withdrawn.
        assertTrue(outcomes.unknown() > 0, "some request was in the hung statement");
        assertTrue(outcomes.notRecorded() > 0, "some request was still queued when it timed out");
    }

    private Outcomes hangOnce() throws Exception {
        awaitReady();
        List<CompletableFuture<Attempt>> sent = new ArrayList<>();
        PostgresStore.proxy.hang();
        try {
            // The first wave's batch is in the writer's statement when the database hangs; the
            // second wave queues behind it. Every other request carries an Idempotency-Key.
            for (int wave = 0; wave < 2; wave++) {
                for (int i = 0; i < 6; i++) {
                    String applicationId = "APP-" + UUID.randomUUID();
                    String key = i % 2 == 0 ? UUID.randomUUID().toString() : null;
                    sent.add(CompletableFuture.supplyAsync(
                            () -> new Attempt(applicationId, key, decide(applicationId, key))));
                }
                Thread.sleep(300);
            }
            for (CompletableFuture<Attempt> attempt : sent) {
                Response answer = attempt.join().answer();
                assertEquals(503, answer.statusCode(), answer.asString());
                assertEquals("application/problem+json", answer.contentType());
                assertEquals("5", answer.header("Retry-After"));
                assertNull(answer.path("decisionId"));
                assertTrue(
                        Set.of(NOT_RECORDED, OUTCOME_UNKNOWN).contains(answer.<String>path("title")),
                        answer.asString());
            }
        } finally {
            PostgresStore.proxy.resume();
        }
        awaitReady(); // the statement in flight completes now

        int unknown = 0;
        int notRecorded = 0;
        for (CompletableFuture<Attempt> future : sent) {
            Attempt attempt = future.join();
            String title = attempt.answer().path("title");
            List<String> onRecord = given().queryParam("applicationId", attempt.applicationId())
                    .get("/decisions")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.decisionId");
            if (title.equals(OUTCOME_UNKNOWN)) {
                unknown++;
                if (attempt.key() == null) {
                    assertTrue(
                            attempt.answer().<String>path("detail").contains("GET /decisions?applicationId="),
                            "without a key the caller is told how to find out: "
                                    + attempt.answer().asString());
                }
            } else {
                notRecorded++;
                assertEquals(
                        List.of(),
                        onRecord,
                        "answered \"not recorded\", yet on record: "
                                + attempt.answer().asString());
            }
            if (attempt.key() != null) {
                Response retry = decide(attempt.applicationId(), attempt.key());
                assertEquals(200, retry.statusCode(), retry.asString());
                if (onRecord.isEmpty()) {
                    assertNull(retry.header("Idempotent-Replayed"), "nothing was recorded: the retry is decided anew");
                } else {
                    assertEquals("true", retry.header("Idempotent-Replayed"));
                    assertEquals(onRecord.get(0), retry.path("decisionId"), "the retry gets what was recorded");
                }
            }
        }
        return new Outcomes(unknown, notRecorded);
    }

    @Test
    void logsAnOutageOnceThenAtMostOneSummaryPerIntervalAndItsEnd() throws Exception {
        String recorded = decide("APP-" + UUID.randomUUID(), null)
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        log.clear();
        long started = System.nanoTime();
        int refused = 0;
        PostgresStore.proxy.cut();
        try {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 20; i++) {
                    assertEquals(503, decide("APP-" + UUID.randomUUID(), null).statusCode());
                    refused++;
                }
                Thread.sleep(1100); // past the interval: one summary line is due
            }
            for (Response read : reads(recorded)) {
                assertEquals(503, read.statusCode(), read.asString());
                refused++;
            }
        } finally {
            PostgresStore.proxy.restore();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        awaitReady();

        // Every WARN line, whoever logs it (the store's code, the connection pool): all of them are per outage, not per
        // request.
        List<String> warnings = log.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(record -> formatted(record))
                .toList();
        assertTrue(
                warnings.size() >= 2 && warnings.size() <= 2 + seconds,
                refused + " refusals in " + seconds + " s: the first at once, then at most one line per second, not "
                        + warnings.size() + " lines, starting " + warnings.subList(0, Math.min(3, warnings.size())));
        assertTrue(warnings.get(0).contains("unavailable"), warnings.get(0));
        assertTrue(warnings.stream().skip(1).allMatch(line -> line.contains("still unavailable")), warnings.toString());
        List<String> recovered = log.stream()
                .map(PostgresHungStoreTest::formatted)
                .filter(message -> message.contains("available again"))
                .toList();
        assertEquals(1, recovered.size(), "one line when the store answers again: " + recovered);
        long counted = Long.parseLong(recovered.get(0).replaceAll(".*; (\\d+) request\\(s\\) were refused.*", "$1"));
        assertTrue(counted >= refused, "every refusal is counted: " + recovered.get(0));
    }

    @Test
    void theReadPathSaysTheStoreCouldNotBeReadNotThatADecisionWasNotRecorded() throws Exception {
        String recorded = decide("APP-" + UUID.randomUUID(), null)
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        PostgresStore.proxy.cut();
        try {
            for (Response read : reads(recorded)) {
                assertEquals(503, read.statusCode(), read.asString());
                assertEquals("application/problem+json", read.contentType());
                assertEquals("5", read.header("Retry-After"));
                assertTrue(read.<String>path("detail").contains("could not be read"), read.asString());
                assertFalse(read.<String>path("detail").contains("recorded"), read.asString());
            }
        } finally {
            PostgresStore.proxy.restore();
        }
        awaitReady();
    }

    /** A record, a search and a replay: everything that only reads the store. */
    private static List<Response> reads(String decisionId) {
        return List.of(
                given().get("/decisions/" + decisionId),
                given().queryParam("applicationId", "APP-1").get("/decisions"),
                given().post("/decisions/" + decisionId + "/replay"));
    }

    private static String formatted(LogRecord record) {
        return record instanceof org.jboss.logmanager.ExtLogRecord ext
                ? ext.getFormattedMessage()
                : record.getMessage();
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

    private static Response decide(String applicationId, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON)
                .body(Payloads.contractExampleWith(application -> application.put("applicationId", applicationId)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/decisions");
    }
}
