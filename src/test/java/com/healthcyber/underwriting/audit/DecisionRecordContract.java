package com.healthcyber.underwriting.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.decision.Book;
import com.healthcyber.underwriting.decision.DecisionHistory;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the decision record promises, whichever database holds it. Run by one subclass per
 * store: the embedded default and a real PostgreSQL server.
 */
abstract class DecisionRecordContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    @jakarta.inject.Inject
    DecisionDataSource store;

    @BeforeEach
    void authenticate() {
        Tokens.authenticateEveryRequest();
    }

    @Test
    void keepsTheRequestExactlyAsReceivedWithTheAnswerAndItsRuleset() {
        String applicationId = uniqueApplicationId();
        // Odd spacing on purpose: the record keeps the bytes, not a re-serialization.
        String body = "{ \"applicationId\" :\"" + applicationId + "\","
                + Payloads.contractExample().substring(1).replaceFirst("\"applicationId\": \"APP-1001\",", "");
        ValidatableResponse decided = decide(body, null).statusCode(200);
        String decisionId = decided.extract().path("decisionId");

        given().get("/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("decisionId", equalTo(decisionId))
                .body("applicationId", equalTo(applicationId))
                .body("product", equalTo("CYBER_HEALTHCARE"))
                .body("outcome", equalTo("REFER"))
                .body("reasons.code", contains("LOSS_HISTORY", "RECENT_BREACH"))
                .body("reasons.rule", contains("One claim within five years", "Remediated breach within three years"))
                .body("rulesetVersion", equalTo(decided.extract().path("rulesetVersion")))
                .body("decidedAt", equalTo(decided.extract().path("decidedAt")))
                .body("droolsVersion", matchesPattern("\\d+\\.\\d+\\.\\d+.*"))
                .body("serviceVersion", notNullValue())
                .body("requestedBy", equalTo("test"))
                .body("request.coverage.limit", equalTo(1000000));
        String raw = given().get("/decisions/" + decisionId).then().extract().asString();
        assertTrue(raw.contains("\"request\":" + body), "the record embeds the body byte for byte");
    }

    /** é, 中 and an emoji, raw and as escapes (the emoji as a surrogate pair): kept and shown byte for byte. */
    @Test
    void keepsANonAsciiRequestByteForByte() {
        String body = Payloads.contractExample()
                .replace("\"APP-1001\"", "\"" + uniqueApplicationId() + "-é中😀\"")
                .replace("\"Riverside Family Medicine\"", "\"Clinique é 中 😀 \\u00e9 \\u4e2d \\ud83d\\ude00\"");
        byte[] sent = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String decisionId = given().contentType(ContentType.JSON)
                .body(sent)
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        byte[] record = given().get("/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("request.applicant.name", equalTo("Clinique é 中 😀 é 中 😀"))
                .extract()
                .asByteArray();
        String shown = new String(record, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(shown.contains("\"request\":" + body), "the record embeds the body byte for byte: " + shown);
        given().post("/decisions/" + decisionId + "/replay")
                .then()
                .statusCode(200)
                .body("outcomeChanged", equalTo(false));
    }

    /** Text no store keeps as sent (PostgreSQL refuses NUL, and wrote a lone surrogate as "?"), and bodies that are not UTF-8. */
    @Test
    void refusesTextAndEncodingsTheRecordCannotKeepAndRecordsNothing() throws Exception {
        long before = recordCount();
        for (String applicationId : List.of("APP-\\u0000", "APP-\\ud800", "APP-\\udc00x")) {
            decide(Payloads.contractExample().replace("\"APP-1001\"", "\"" + applicationId + "\""), null)
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("applicationId"));
        }
        decide(Payloads.contractExample().replace("\"Riverside Family Medicine\"", "\"Riverside\\u0000\""), null)
                .statusCode(400)
                .body("violations.field", contains("applicant.name"));
        byte[] example = Payloads.contractExample().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[example.length + 3];
        System.arraycopy(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, withBom, 0, 3);
        System.arraycopy(example, 0, withBom, 3, example.length);
        byte[] surrogateInUtf8 = Payloads.contractExample()
                .replace("APP-1001", "APP-\u00ed\u00a0\u0080")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // ED A0 80: U+D800 encoded
        for (byte[] body : List.of(
                withBom,
                Payloads.contractExample().getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                Payloads.contractExample().getBytes(java.nio.charset.Charset.forName("UTF-32")),
                surrogateInUtf8)) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/decisions")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("$"));
        }
        assertEquals(before, recordCount(), "nothing reached the store");
    }

    private long recordCount() throws Exception {
        try (var connection = store.get().getConnection();
                var count = connection.prepareStatement("SELECT COUNT(*) FROM decision");
                var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void answersNotFoundForADecisionNeverMade() {
        given().get("/decisions/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
        given().post("/decisions/" + UUID.randomUUID() + "/replay")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void neverUpdatesOrDeletesARecord() {
        String decisionId = decide(Payloads.contractExample(), null)
                .statusCode(200)
                .extract()
                .path("decisionId");
        given().delete("/decisions/" + decisionId).then().statusCode(405).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON)
                .body(Payloads.registryExample())
                .put("/decisions/" + decisionId)
                .then()
                .statusCode(405)
                .contentType(PROBLEM_JSON);
        given().get("/decisions/" + decisionId).then().statusCode(200).body("product", equalTo("CYBER_HEALTHCARE"));
    }

    @Test
    void recordsNothingForBadInput() {
        String applicationId = uniqueApplicationId();
        decide(
                        Payloads.contractExampleWith(application -> application
                                .put("applicationId", applicationId)
                                .withObject("/controls")
                                .remove("mfaEmail")),
                        null)
                .statusCode(400);
        given().queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @jakarta.inject.Inject
    DecisionHistory history;

    /** The console's picture of the book: the database counts per UTC day, by outcome and by code. */
    @Test
    void countsTodaysDecisionsByOutcomeAndReasonCode() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Book.Period before = today(today);
        decideFor(uniqueApplicationId(), Payloads.contractExample());
        decideFor(
                uniqueApplicationId(),
                Payloads.contractExampleWith(
                        application -> application.withObject("/history").put("willfulMisconduct", true)));
        Book.Period after = today(today);
        assertEquals(before.decisions() + 2, after.decisions());
        assertEquals(before.outcomes().get(Outcome.REFER) + 1, after.outcomes().get(Outcome.REFER));
        assertEquals(
                before.outcomes().get(Outcome.DECLINE) + 1, after.outcomes().get(Outcome.DECLINE));
        assertEquals(before.code("LOSS_HISTORY") + 2, after.code("LOSS_HISTORY"));
        assertEquals(before.code("WILLFUL_MISCONDUCT") + 1, after.code("WILLFUL_MISCONDUCT"));
        // A week holds its days: today's week counts at least today's decisions.
        Book week = history.book(Book.Per.WEEK, today, today.plusDays(1), Optional.empty());
        assertEquals(1, week.periods().size());
        assertTrue(week.periods().get(0).decisions() >= after.decisions());
    }

    private Book.Period today(LocalDate today) {
        Book book = history.book(Book.Per.DAY, today, today.plusDays(1), Optional.empty());
        assertEquals(1, book.periods().size());
        return book.periods().get(0);
    }

    @Test
    void searchesByEveryFilterNewestFirstAndPages() {
        String applicationId = uniqueApplicationId();
        Instant before = Instant.now().minusSeconds(1);
        String first = decideFor(applicationId, Payloads.contractExample());
        String second = decideFor(applicationId, Payloads.contractExample());
        String declined = decideFor(
                applicationId,
                Payloads.contractExampleWith(
                        application -> application.withObject("/history").put("willfulMisconduct", true)));

        given().queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.decisionId", contains(declined, second, first))
                .body("next", nullValue());
        given().queryParam("applicationId", applicationId)
                .queryParam("outcome", "DECLINE")
                .get("/decisions")
                .then()
                .body("items.decisionId", contains(declined));
        given().queryParam("applicationId", applicationId)
                .queryParam("reasonCode", "WILLFUL_MISCONDUCT")
                .get("/decisions")
                .then()
                .body("items.decisionId", contains(declined));
        given().queryParam("applicationId", applicationId)
                .queryParam("reasonCode", "LOSS_HISTORY")
                .get("/decisions")
                .then()
                .body("items.decisionId", contains(declined, second, first));
        given().queryParam("applicationId", applicationId)
                .queryParam("product", "MEDICAL_REGISTRY")
                .get("/decisions")
                .then()
                .body("items", empty());
        given().queryParam("applicationId", applicationId)
                .queryParam("decidedFrom", before.toString())
                .queryParam("decidedTo", Instant.now().plusSeconds(60).toString())
                .get("/decisions")
                .then()
                .body("items.decisionId", contains(declined, second, first));
        given().queryParam("applicationId", applicationId)
                .queryParam("decidedTo", before.toString())
                .get("/decisions")
                .then()
                .body("items", empty());

        ValidatableResponse page1 = given().queryParam("applicationId", applicationId)
                .queryParam("limit", 2)
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.decisionId", contains(declined, second))
                .body("next", notNullValue());
        given().queryParam("applicationId", applicationId)
                .queryParam("limit", 2)
                .queryParam("cursor", page1.extract().<String>path("next"))
                .get("/decisions")
                .then()
                .statusCode(200)
                .body("items.decisionId", contains(first))
                .body("next", nullValue());
    }

    @Test
    void refusesMalformedSearchesListingEveryViolation() {
        given().queryParam("limit", 1000)
                .queryParam("outcome", "MAYBE")
                .queryParam("decidedFrom", "last week")
                .queryParam("cursor", "not-a-cursor")
                .get("/decisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", containsInAnyOrder("limit", "outcome", "decidedFrom", "cursor"))
                .body(
                        "violations.find { it.field == 'outcome' }.message",
                        equalTo("must be one of ACCEPT, REFER, DECLINE"));
    }

    /** Issue 14: instants no store can hold were answered 500 (H2) or 503 (PostgreSQL), as if the service were at fault. */
    @Test
    void refusesInstantsAndCursorsBeyondTheRecordsCalendar() {
        for (String instant : List.of(
                "+1000000000-12-31T23:59:59Z",
                "+300000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z",
                "-4714-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z")) {
            given().queryParam("decidedFrom", instant)
                    .queryParam("decidedTo", instant)
                    .queryParam("cursor", cursor(instant, UUID.randomUUID().toString()))
                    .get("/decisions")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", containsInAnyOrder("decidedFrom", "decidedTo", "cursor"));
        }
        given().queryParam("decidedFrom", "0000-01-01T00:00:00Z")
                .queryParam("decidedTo", "9999-12-31T23:59:59.999Z")
                .get("/decisions")
                .then()
                .statusCode(200);
    }

    /** Issue 14: a NUL reached PostgreSQL, which refused it, and the client got a 503 with Retry-After. */
    @Test
    void refusesControlCharactersInSearchesAndIdsWithoutAskingTheStore() {
        given().queryParam("applicationId", "APP\u0000-1")
                .queryParam("reasonCode", "LOSS\u0000")
                .get("/decisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", containsInAnyOrder("applicationId", "reasonCode"));
        given().queryParam("cursor", cursor(Instant.now().toString(), "0\u0000"))
                .get("/decisions")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", contains("cursor"));
        for (String id : List.of("a\u0000b", "\u001b[2J", "not-a-decision-id", "0".repeat(2000))) {
            String problem = given().get("/decisions/{id}", id)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("decisionId"))
                    .extract()
                    .asString();
            assertTrue(
                    problem.length() < 500 && !problem.contains(id),
                    "the problem does not echo what is not an id: " + problem);
            given().post("/decisions/{id}/replay", id).then().statusCode(400).contentType(PROBLEM_JSON);
        }
    }

    /** Issue 14: a caller name over the record's 255 characters failed the commit (503); it is not a caller the record can name. */
    @Test
    void refusesATokenWhoseCallerTheRecordCannotName() {
        Tokens.anonymousRequests();
        for (String caller : List.of("x".repeat(256), "platform\u0000a", "platform\nforged")) {
            given().auth()
                    .oauth2(Tokens.withRolesFor(caller, Roles.DECISIONS_WRITE))
                    .contentType(ContentType.JSON)
                    .body(Payloads.contractExample())
                    .post("/decisions")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("Retry-After", nullValue());
        }
        given().auth()
                .oauth2(Tokens.withRolesFor("x".repeat(255), Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200);
    }

    private static String cursor(String instant, String decisionId) {
        return java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((instant + "|" + decisionId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalDecisionAndAddsNoRecord() {
        String applicationId = uniqueApplicationId();
        String body = Payloads.contractExampleWith(application -> application.put("applicationId", applicationId));
        String key = UUID.randomUUID().toString();
        ValidatableResponse original = decide(body, key).statusCode(200);
        original.extract().response().then().header("Idempotent-Replayed", nullValue());
        // Re-serialized with other key order and spacing: still the same request.
        String reordered = Payloads.contractExampleWith(application -> application.put("applicationId", applicationId))
                .replace(",", " ,");

        decide(reordered, key)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("decisionId", equalTo(original.extract().<String>path("decisionId")))
                .body("decidedAt", equalTo(original.extract().<String>path("decidedAt")));
        given().queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void theSameKeyForADifferentRequestIsRefusedAndTheOriginalStands() {
        String applicationId = uniqueApplicationId();
        String key = UUID.randomUUID().toString();
        String original = decide(
                        Payloads.contractExampleWith(application -> application.put("applicationId", applicationId)),
                        key)
                .statusCode(200)
                .extract()
                .path("decisionId");

        decide(
                        Payloads.contractExampleWith(application -> application
                                .put("applicationId", applicationId)
                                .withObject("/coverage")
                                .put("limit", 2000000)),
                        key)
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Idempotency-Key reused"));
        given().queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .body("items.decisionId", contains(original));
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String body = Payloads.contractExample();
        String mine = decide(body, key).statusCode(200).extract().path("decisionId");
        String theirs = given().auth()
                .oauth2(Tokens.withRolesFor("another-platform", "decisions:write"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/decisions")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("decisionId");
        assertNotEquals(mine, theirs);
    }

    @Test
    void concurrentDuplicatesMakeOneRecord() throws Exception {
        String applicationId = uniqueApplicationId();
        String body = Payloads.contractExampleWith(application -> application.put("applicationId", applicationId));
        String key = UUID.randomUUID().toString();
        int parallel = 12;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<String>> retries = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                retries.add(() -> decide(body, key).statusCode(200).extract().path("decisionId"));
            }
            Set<String> decisionIds = new HashSet<>();
            for (Future<String> answer : pool.invokeAll(retries)) {
                decisionIds.add(answer.get());
            }
            assertEquals(1, decisionIds.size(), "every duplicate answered with the one decision");
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void refusesAMalformedIdempotencyKey() {
        decide(Payloads.contractExample(), "has spaces in it")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", contains("Idempotency-Key"));
        decide(Payloads.contractExample(), "k".repeat(256)).statusCode(400);
    }

    @Test
    void replaysAStoredDecisionOnTheActiveRulesWithoutRecordingOne() {
        String applicationId = uniqueApplicationId();
        String decisionId = decideFor(applicationId, Payloads.contractExample());

        given().post("/decisions/" + decisionId + "/replay")
                .then()
                .statusCode(200)
                .body("decisionId", equalTo(decisionId))
                .body("stored.outcome", equalTo("REFER"))
                .body("replayed.outcome", equalTo("REFER"))
                .body("replayed.reasons.code", contains("LOSS_HISTORY", "RECENT_BREACH"))
                .body(
                        "replayed.rulesetVersion",
                        equalTo(given().get("/rules")
                                .then()
                                .extract()
                                .path("guidelines.find { it.guidelineVersion == 'v1' }.version")))
                .body("outcomeChanged", equalTo(false))
                .body("stored.requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .body("replayed.requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .body("requiredAuthorityChanged", equalTo(false))
                .body("codesAdded", empty())
                .body("codesRemoved", empty());
        given().queryParam("applicationId", applicationId)
                .get("/decisions")
                .then()
                .body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void impactAnalysisCountsWhatACandidateWouldChange() {
        Path candidate = Path.of("target", "test-candidates", "no-single-claim-referral");
        CopiedRules.restoreVersion(candidate, "v1");
        CopiedRules.edit(
                candidate, "common/loss-history.drl", "$claims : List( size == 1 )", "$claims : List( size == 99 )");
        Instant from = Instant.now().minusMillis(1);
        String referredForClaimAndBreach = decideFor(uniqueApplicationId(), Payloads.contractExample());
        String referredForClaimOnly = decideFor(
                uniqueApplicationId(),
                Payloads.contractExampleWith(
                        application -> application.withObject("/history").remove("breaches")));
        String declined = decideFor(
                uniqueApplicationId(),
                Payloads.contractExampleWith(application -> application
                        .withObject("/history")
                        .put("willfulMisconduct", true)
                        .remove("claims")));
        Instant to = Instant.now().plusMillis(1);

        given().queryParam("candidate", "no-single-claim-referral")
                .queryParam("decidedFrom", from.toString())
                .queryParam("decidedTo", to.toString())
                .queryParam("product", "CYBER_HEALTHCARE")
                .post("/rules/impact")
                .then()
                .statusCode(200)
                .body("rules", equalTo("candidate no-single-claim-referral"))
                .body("replayed", equalTo(3))
                .body("changed", equalTo(2))
                .body("notReplayable", equalTo(0))
                .body("limitReached", equalTo(false))
                .body("outcomeTransitions.findAll { it.from == 'REFER' && it.to == 'ACCEPT' }.count", contains(1))
                .body("outcomeTransitions.findAll { it.from == 'REFER' && it.to == 'REFER' }.count", contains(1))
                .body("outcomeTransitions.findAll { it.from == 'DECLINE' && it.to == 'DECLINE' }.count", contains(1))
                .body("reasonCodesRemoved.code", contains("LOSS_HISTORY"))
                .body("reasonCodesRemoved.count", contains(2))
                .body("reasonCodesAdded", empty())
                // Still a referral for the breach, needing a senior underwriter as before; the other is accepted now.
                .body(
                        "requiredAuthorityTransitions.findAll { it.from == 'SENIOR_UNDERWRITER' && it.to == 'SENIOR_UNDERWRITER' }.count",
                        contains(1))
                .body(
                        "requiredAuthorityTransitions.findAll { it.from == 'SENIOR_UNDERWRITER' && it.to == null }.count",
                        contains(1))
                .body("requiredAuthorityTransitions", org.hamcrest.Matchers.hasSize(2))
                .body("sampleChangedDecisionIds", containsInAnyOrder(referredForClaimAndBreach, referredForClaimOnly));

        given().queryParam("decidedFrom", from.toString())
                .queryParam("decidedTo", to.toString())
                .queryParam("maxDecisions", 2)
                .post("/rules/impact")
                .then()
                .statusCode(200)
                .body("rules", equalTo("active"))
                .body("replayed", equalTo(2))
                .body("changed", equalTo(0))
                .body("limitReached", equalTo(true))
                .body("sampleChangedDecisionIds", empty());
        given().queryParam("applicationId", "none").get("/decisions").then().body("items", empty());
        assertNotEquals(declined, referredForClaimOnly);
    }

    @Test
    void impactAnalysisRefusesUnknownBrokenOrEscapingCandidates() {
        Path broken = Path.of("target", "test-candidates", "broken");
        CopiedRules.restoreVersion(broken, "v1");
        CopiedRules.edit(broken, "common/loss-history.drl", "then", "then oops(");

        given().queryParam("candidate", "broken")
                .post("/rules/impact")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem(matchesPattern("common/loss-history.drl:\\d+")));
        given().queryParam("candidate", "no-such-candidate")
                .post("/rules/impact")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        given().queryParam("candidate", "../../rules")
                .post("/rules/impact")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        given().queryParam("maxDecisions", 0)
                .queryParam("product", "BOATS")
                .post("/rules/impact")
                .then()
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("maxDecisions", "product"));
    }

    /** A record made under an older contract: today's validation refuses its request. */
    @Test
    void aStoredRequestTodaysContractRefusesIsReportedNotGuessed() throws Exception {
        String decisionId = UUID.randomUUID().toString();
        Instant decidedAt = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String oldRequest = Payloads.contractExampleWith(application -> application.remove("controls"));
        try (var connection = store.get().getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO decision (decision_id, application_id, product, outcome,"
                                + " ruleset_version, drools_version, service_version, decided_at, engine_micros, requested_by, request_body,"
                                + " reasons, reason_codes, guideline_version)"
                                + " VALUES (?, 'APP-OLD', 'CYBER_HEALTHCARE', 'ACCEPT', 'sha256:old', '9.0.0', '0.9', ?, 5, 'test', ?, '[]', ?, 'v1')")) {
            insert.setString(1, decisionId);
            insert.setObject(2, java.time.OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC));
            insert.setString(3, oldRequest);
            insert.setArray(4, connection.createArrayOf("VARCHAR", new String[0]));
            insert.executeUpdate();
        }

        given().post("/decisions/" + decisionId + "/replay")
                .then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("controls"));
        given().queryParam("decidedFrom", decidedAt.toString())
                .queryParam("decidedTo", decidedAt.plusMillis(1).toString())
                .post("/rules/impact")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(0))
                .body("notReplayable", equalTo(1))
                .body("sampleNotReplayableDecisionIds", contains(decisionId));
    }

    private static String decideFor(String applicationId, String body) {
        String withId = body.replace("\"APP-1001\"", "\"" + applicationId + "\"");
        return decide(withId, null).statusCode(200).extract().path("decisionId");
    }

    private static ValidatableResponse decide(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/decisions").then();
    }

    private static String uniqueApplicationId() {
        return "APP-" + UUID.randomUUID();
    }
}
