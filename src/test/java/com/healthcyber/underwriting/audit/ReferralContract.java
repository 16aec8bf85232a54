package com.healthcyber.underwriting.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The referral desk, whichever database holds the record: the authority a referral needs on its
 * decision and record, resolutions within authority, once, on record beside an unchanged
 * decision, and the queue. Run by one subclass per store: the embedded default and a real
 * PostgreSQL server. Every request names its own token: resolvers differ by name and authority.
 */
abstract class ReferralContract {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String APPROVE = """
            {"action": "APPROVE", "rationale": "Claim was a one-off phishing loss; MFA rolled out since.",
             "subjectivities": ["Signed MFA attestation before binding"]}""";
    private static final String DECLINE = """
            {"action": "DECLINE", "rationale": "Two open findings from the last audit."}""";

    @jakarta.inject.Inject
    DecisionDataSource store;

    private final String platform = Tokens.withRoles(Roles.DECISIONS_WRITE, Roles.DECISIONS_READ);

    @BeforeEach
    void everyRequestNamesItsToken() {
        Tokens.anonymousRequests();
    }

    @Test
    void aReferralCarriesTheAuthorityItNeedsOnItsAnswerAndItsRecord() {
        String senior = decide(Payloads.contractExample())
                .body("outcome", equalTo("REFER"))
                .body("requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .extract()
                .path("decisionId");
        String manager = decide(practice(application -> application
                        .withObject("/history")
                        .withArray("regulatoryActions")
                        .addObject()
                        .put("date", "2024-01-10")
                        .put("agency", "HHS_OCR")))
                .body("requiredAuthority", equalTo("UNDERWRITING_MANAGER"))
                .extract()
                .path("decisionId");
        given().auth()
                .oauth2(platform)
                .get("/decisions/" + senior)
                .then()
                .statusCode(200)
                .body("requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .body("referral.status", equalTo("OPEN"))
                .body("referral.requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .body("referral", not(hasKey("resolution")));
        given().auth()
                .oauth2(platform)
                .get("/decisions/" + manager)
                .then()
                .body("referral.requiredAuthority", equalTo("UNDERWRITING_MANAGER"));
        assertEquals(
                "SENIOR_UNDERWRITER", column(senior, "SELECT required_authority FROM decision WHERE decision_id = ?"));
    }

    @Test
    void acceptsAndDeclinesNeedNoAuthorityAndAreNoReferrals() {
        for (String body : List.of(accepted(), declined())) {
            String decisionId = decide(body)
                    .body("$", not(hasKey("requiredAuthority")))
                    .extract()
                    .path("decisionId");
            given().auth()
                    .oauth2(platform)
                    .get("/decisions/" + decisionId)
                    .then()
                    .statusCode(200)
                    .body("$", not(hasKey("requiredAuthority")))
                    .body("$", not(hasKey("referral")));
            resolve(decisionId, Tokens.resolver("manager", "UNDERWRITING_MANAGER"), APPROVE, null)
                    .statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("title", equalTo("Not a referral"))
                    .body("detail", containsString(decisionId));
        }
    }

    @Test
    void anUnderwriterWithTheAuthorityResolvesAndTheDecisionStaysAsDecided() {
        String decisionId = referral(Payloads.contractExample());
        Instant before = Instant.now().minusSeconds(1);
        ValidatableResponse resolved = resolve(
                        decisionId, Tokens.resolver("dana.senior", "SENIOR_UNDERWRITER"), APPROVE, null)
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("action", equalTo("APPROVE"))
                .body("finalOutcome", equalTo("ACCEPT"))
                .body("rationale", equalTo("Claim was a one-off phishing loss; MFA rolled out since."))
                .body("subjectivities", contains("Signed MFA attestation before binding"))
                .body("resolvedBy", equalTo("dana.senior"))
                .body("authority", equalTo("SENIOR_UNDERWRITER"));
        String resolvedAt = resolved.extract().path("resolvedAt");
        // Committed before the answer: another connection reads it at once.
        assertEquals(
                "dana.senior", column(decisionId, "SELECT resolved_by FROM referral_resolution WHERE decision_id = ?"));

        given().auth()
                .oauth2(platform)
                .get("/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("REFER"))
                .body("reasons.code", contains("LOSS_HISTORY", "RECENT_BREACH"))
                .body("requiredAuthority", equalTo("SENIOR_UNDERWRITER"))
                .body("referral.status", equalTo("RESOLVED"))
                .body("referral.resolution.action", equalTo("APPROVE"))
                .body("referral.resolution.resolvedBy", equalTo("dana.senior"))
                .body("referral.resolution.resolvedAt", equalTo(resolvedAt));
        assertFalse(queue("status=OPEN").contains(decisionId), "a resolved referral has left the queue");
        given().auth()
                .oauth2(platform)
                .queryParam("resolvedFrom", before.toString())
                .queryParam("limit", 200)
                .get("/referrals")
                .then()
                .statusCode(200)
                .body("items.find { it.decisionId == '" + decisionId + "' }.status", equalTo("RESOLVED"))
                .body(
                        "items.find { it.decisionId == '" + decisionId + "' }.resolution.resolvedBy",
                        equalTo("dana.senior"))
                .body("items.find { it.decisionId == '" + decisionId + "' }.ageSeconds", greaterThanOrEqualTo(0));
    }

    @Test
    void aManagerMayResolveWhatAnyLowerLevelMayAndADeclineIsFinal() {
        String decisionId = referral(underwriterReferral());
        resolve(decisionId, Tokens.resolver("morgan.manager", "UNDERWRITING_MANAGER"), DECLINE, null)
                .statusCode(200)
                .body("action", equalTo("DECLINE"))
                .body("finalOutcome", equalTo("DECLINE"))
                .body("subjectivities", empty())
                .body("authority", equalTo("UNDERWRITING_MANAGER"));
        resolve(decisionId, Tokens.resolver("una.underwriter", "UNDERWRITER"), APPROVE, null)
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Already resolved"))
                .body("detail", containsString("DECLINE"));
        assertEquals(
                "morgan.manager",
                column(decisionId, "SELECT resolved_by FROM referral_resolution WHERE decision_id = ?"));
    }

    @Test
    void belowTheRequiredAuthorityTheProblemNamesTheLevelAndNothingIsRecorded() {
        String decisionId = referral(practice(application -> application
                .withObject("/history")
                .withArray("regulatoryActions")
                .addObject()
                .put("date", "2024-01-10")
                .put("agency", "HHS_OCR")));
        for (String level : List.of("UNDERWRITER", "SENIOR_UNDERWRITER")) {
            resolve(decisionId, Tokens.resolver("low", level), APPROVE, null)
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("title", equalTo("Insufficient authority"))
                    .body("detail", containsString("needs UNDERWRITING_MANAGER"));
        }
        for (Object claim :
                new Object[] {null, "CHIEF_UNDERWRITER", "underwriting_manager", List.of("UNDERWRITING_MANAGER")}) {
            resolve(decisionId, Tokens.underwriter("odd", claim, Roles.REFERRALS_RESOLVE), APPROVE, null)
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("title", equalTo("No underwriting authority"))
                    .body("detail", containsString("UNDERWRITER, SENIOR_UNDERWRITER, UNDERWRITING_MANAGER"))
                    .body("detail", not(containsString("CHIEF")));
        }
        assertEquals(null, column(decisionId, "SELECT resolved_by FROM referral_resolution WHERE decision_id = ?"));
        given().auth().oauth2(platform).get("/decisions/" + decisionId).then().body("referral.status", equalTo("OPEN"));
    }

    /** Decided before V6 kept a referral's authority: the record says REFER and nothing more, so it is not on the desk. */
    @Test
    void aReferralRecordedWithoutAnAuthorityIsNotOnTheDesk() throws Exception {
        String decisionId = UUID.randomUUID().toString();
        try (var connection = store.get().getConnection();
                var insert = connection.prepareStatement(
                        "INSERT INTO decision (decision_id, application_id, product,"
                                + " outcome, ruleset_version, drools_version, service_version, decided_at, engine_micros,"
                                + " requested_by, request_body, reasons, reason_codes, guideline_version) VALUES (?, 'APP-OLD',"
                                + " 'CYBER_HEALTHCARE', 'REFER', 'sha256:before', '10.2.0', 'test', ?, 10, 'test', ?, ?, ?, 'v1')")) {
            insert.setString(1, decisionId);
            insert.setObject(2, java.time.OffsetDateTime.now());
            insert.setString(3, Payloads.contractExample());
            insert.setString(4, "[{\"code\":\"LOSS_HISTORY\",\"outcome\":\"REFER\",\"rule\":\"r\",\"message\":\"m\"}]");
            insert.setArray(5, connection.createArrayOf("VARCHAR", new String[] {"LOSS_HISTORY"}));
            insert.executeUpdate();
        }
        given().auth()
                .oauth2(platform)
                .get("/decisions/" + decisionId)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("REFER"))
                .body("$", not(hasKey("requiredAuthority")))
                .body("$", not(hasKey("referral")));
        resolve(decisionId, Tokens.resolver("morgan.manager", "UNDERWRITING_MANAGER"), APPROVE, null)
                .statusCode(409)
                .body("title", equalTo("Not a referral of the desk"))
                .body("detail", containsString("decide the application again"));
        assertFalse(queue("status=OPEN").contains(decisionId));
    }

    @Test
    void unknownAndMalformedIdsAndBadBodiesAreRefusedNamingWhatIsWrong() {
        String manager = Tokens.resolver("morgan.manager", "UNDERWRITING_MANAGER");
        resolve(UUID.randomUUID().toString(), manager, APPROVE, null)
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        resolve("not-a-decision", manager, APPROVE, null)
                .statusCode(400)
                .body("violations.field", contains("decisionId"));
        String decisionId = referral(Payloads.contractExample());
        resolve(decisionId, manager, "{}", null)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Invalid resolution"))
                .body("violations.field", containsInAnyOrder("action", "rationale"));
        resolve(
                        decisionId,
                        manager,
                        "{\"action\": \"MAYBE\", \"rationale\": \" \", \"subjectivities\": [\"\", \"" + "x".repeat(501)
                                + "\"], \"resolvedBy\": \"someone else\"}",
                        null)
                .statusCode(400)
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "action", "rationale", "subjectivities[0]", "subjectivities[1]", "resolvedBy"))
                .body("violations.find { it.field == 'action' }.message", containsString("APPROVE, DECLINE"));
        resolve(decisionId, manager, DECLINE.replace("}", ", \"subjectivities\": [\"a term\"]}"), null)
                .statusCode(400)
                .body("violations.field", contains("subjectivities"))
                .body("violations[0].message", containsString("only with action APPROVE"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("\"term " + i + "\"");
        }
        resolve(
                        decisionId,
                        manager,
                        "{\"action\": \"APPROVE\", \"rationale\": \"" + "r".repeat(2001) + "\", \"subjectivities\": ["
                                + String.join(", ", many) + "]}",
                        null)
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("rationale", "subjectivities"));
        for (String broken : List.of("", "[]", "{\"action\": ", "null")) {
            resolve(decisionId, manager, broken, null)
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", contains("$"));
        }
        given().auth()
                .oauth2(manager)
                .contentType(ContentType.TEXT)
                .body(APPROVE)
                .post("/decisions/" + decisionId + "/resolution")
                .then()
                .statusCode(415)
                .contentType(PROBLEM_JSON);
        // The longest valid answers are taken whole.
        resolve(
                        decisionId,
                        manager,
                        "{\"action\": \"APPROVE\", \"rationale\": \"" + "r".repeat(2000) + "\", \"subjectivities\": [\""
                                + "s".repeat(500) + "\"]}",
                        null)
                .statusCode(200)
                .body("rationale.length()", equalTo(2000));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameResolutionAndAnotherBodyIsRefused() {
        String decisionId = referral(Payloads.contractExample());
        String other = referral(Payloads.contractExample());
        String resolver = Tokens.resolver("dana.senior", "SENIOR_UNDERWRITER");
        String key = UUID.randomUUID().toString();
        String resolvedAt = resolve(decisionId, resolver, APPROVE, key)
                .statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .extract()
                .path("resolvedAt");
        // Re-serialized with other spacing: still the same resolution.
        resolve(decisionId, resolver, APPROVE.replace(", ", " ,  "), key)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("resolvedAt", equalTo(resolvedAt))
                .body("resolvedBy", equalTo("dana.senior"));
        resolve(decisionId, resolver, DECLINE, key)
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString(decisionId));
        resolve(other, resolver, APPROVE, key).statusCode(422);
        // Keys are per resolver: another's same key is another resolution, of a referral resolved already.
        resolve(decisionId, Tokens.resolver("erin.senior", "SENIOR_UNDERWRITER"), APPROVE, key)
                .statusCode(409);
        resolve(other, resolver, APPROVE, "bad key with spaces")
                .statusCode(400)
                .body("violations.field", contains("Idempotency-Key"));
        assertEquals("1", column(decisionId, "SELECT COUNT(*) FROM referral_resolution WHERE decision_id = ?"));
        given().auth().oauth2(platform).get("/decisions/" + other).then().body("referral.status", equalTo("OPEN"));
    }

    /** Issue 18: two underwriters resolving at the same moment; the database lets exactly one in. */
    @Test
    void ofResolversAtTheSameMomentExactlyOneSucceedsAndTheOthersGet409() throws Exception {
        int referrals = 8;
        int resolversEach = 4;
        List<String> decisionIds = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            decisionIds.add(referral(Payloads.contractExample()));
        }
        CyclicBarrier start = new CyclicBarrier(referrals * resolversEach);
        List<Callable<Response>> attempts = new ArrayList<>();
        Map<Callable<Response>, String> target = new HashMap<>();
        for (String decisionId : decisionIds) {
            for (int r = 0; r < resolversEach; r++) {
                String token =
                        Tokens.resolver("resolver-" + r, r % 2 == 0 ? "SENIOR_UNDERWRITER" : "UNDERWRITING_MANAGER");
                Callable<Response> attempt = () -> {
                    start.await();
                    return given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(APPROVE)
                            .post("/decisions/" + decisionId + "/resolution");
                };
                attempts.add(attempt);
                target.put(attempt, decisionId);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        Map<String, List<Integer>> statuses = new HashMap<>();
        Map<String, String> winners = new HashMap<>();
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> attempt : attempts) {
                answers.add(pool.submit(attempt));
            }
            for (int i = 0; i < attempts.size(); i++) {
                Response answer = answers.get(i).get();
                String decisionId = target.get(attempts.get(i));
                statuses.computeIfAbsent(decisionId, id -> new ArrayList<>()).add(answer.statusCode());
                if (answer.statusCode() == 200) {
                    winners.put(decisionId, answer.path("resolvedBy"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (String decisionId : decisionIds) {
            List<Integer> codes = statuses.get(decisionId);
            assertEquals(1, codes.stream().filter(code -> code == 200).count(), decisionId + ": " + codes);
            assertEquals(
                    resolversEach - 1,
                    codes.stream().filter(code -> code == 409).count(),
                    decisionId + ": " + codes);
            assertEquals(
                    winners.get(decisionId),
                    column(decisionId, "SELECT resolved_by FROM referral_resolution WHERE decision_id = ?"));
            assertEquals("1", column(decisionId, "SELECT COUNT(*) FROM referral_resolution WHERE decision_id = ?"));
            assertEquals("0", column(decisionId, "SELECT COUNT(*) FROM open_referral WHERE decision_id = ?"));
        }
    }

    /** The same resolver retrying at once under one key: every answer is the one resolution. */
    @Test
    void concurrentRetriesUnderOneKeyAllGetTheOneResolution() throws Exception {
        String decisionId = referral(Payloads.contractExample());
        String resolver = Tokens.resolver("dana.senior", "SENIOR_UNDERWRITER");
        String key = UUID.randomUUID().toString();
        int retries = 6;
        CyclicBarrier start = new CyclicBarrier(retries);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < retries; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth()
                            .oauth2(resolver)
                            .header("Idempotency-Key", key)
                            .contentType(ContentType.JSON)
                            .body(APPROVE)
                            .post("/decisions/" + decisionId + "/resolution");
                }));
            }
            List<String> resolvedAt = new ArrayList<>();
            int replayed = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertEquals(200, response.statusCode(), response.asString());
                resolvedAt.add(response.path("resolvedAt"));
                replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertEquals(1, resolvedAt.stream().distinct().count(), resolvedAt.toString());
            assertEquals(retries - 1, replayed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", column(decisionId, "SELECT COUNT(*) FROM referral_resolution WHERE decision_id = ?"));
    }

    @Test
    void theQueueListsOpenReferralsOldestFirstWithTheirAgeAndFilters() {
        String first = referral(Payloads.contractExample());
        String second = referral(underwriterReferral());
        String registry = referral(Payloads.registryExample().replace("\"limit\": 3000000", "\"limit\": 6000000"));
        List<String> all = queue("status=OPEN");
        assertTrue(all.indexOf(first) >= 0 && all.indexOf(first) < all.indexOf(second), all.toString());
        assertTrue(all.indexOf(second) < all.indexOf(registry), all.toString());
        List<String> seniors = queue("requiredAuthority=SENIOR_UNDERWRITER");
        assertTrue(seniors.contains(first) && !seniors.contains(second), seniors.toString());
        assertTrue(queue("requiredAuthority=UNDERWRITER").contains(second));
        assertFalse(queue("product=CYBER_HEALTHCARE").contains(registry));
        assertTrue(queue("product=MEDICAL_REGISTRY").contains(registry));
        String registryAuthority = given().auth()
                .oauth2(platform)
                .get("/decisions/" + registry)
                .then()
                .extract()
                .path("requiredAuthority");
        assertTrue(queue("product=MEDICAL_REGISTRY&requiredAuthority=" + registryAuthority)
                .contains(registry));

        ValidatableResponse page = given().auth()
                .oauth2(platform)
                .queryParam("limit", 1)
                .get("/referrals")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0]", not(hasKey("resolution")))
                .body("items[0].ageSeconds", greaterThanOrEqualTo(0))
                .body("items[0].reasons", not(empty()))
                .body("next", org.hamcrest.Matchers.notNullValue());
        // A cursor belongs to its list: the open list's cursor is no cursor of the resolved one.
        given().auth()
                .oauth2(platform)
                .queryParam("status", "RESOLVED")
                .queryParam("cursor", page.extract().<String>path("next"))
                .get("/referrals")
                .then()
                .statusCode(400)
                .body("violations.field", contains("cursor"));
    }

    @Test
    void refusesMalformedQueueFiltersListingEveryViolation() {
        given().auth()
                .oauth2(platform)
                .queryParam("status", "PENDING")
                .queryParam("requiredAuthority", "CHIEF")
                .queryParam("product", "CYBER")
                .queryParam("resolvedFrom", "yesterday")
                .queryParam("limit", 0)
                .queryParam("cursor", "not-a-cursor")
                .get("/referrals")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "status", "requiredAuthority", "product", "resolvedFrom", "limit", "cursor"));
        given().auth()
                .oauth2(platform)
                .queryParam("status", "OPEN")
                .queryParam("resolvedFrom", Instant.now().toString())
                .get("/referrals")
                .then()
                .statusCode(400)
                .body("violations.field", contains("resolvedFrom"));
    }

    @Test
    void aPlatformPollsWhatWasResolvedSinceItLastAsked() {
        String earlier = referral(Payloads.contractExample());
        resolve(earlier, Tokens.resolver("dana.senior", "SENIOR_UNDERWRITER"), APPROVE, null)
                .statusCode(200);
        String since = given().auth()
                .oauth2(platform)
                .get("/decisions/" + earlier)
                .then()
                .extract()
                .path("referral.resolution.resolvedAt");
        String later = referral(Payloads.contractExample());
        resolve(later, Tokens.resolver("erin.senior", "SENIOR_UNDERWRITER"), DECLINE, null)
                .statusCode(200);
        List<String> resolved = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth()
                    .oauth2(platform)
                    .queryParam("resolvedFrom", since)
                    .queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ValidatableResponse page = request.get("/referrals").then().statusCode(200);
            resolved.addAll(page.extract().path("items.decisionId"));
            cursor = page.extract().path("next");
        } while (cursor != null);
        assertTrue(
                resolved.indexOf(earlier) >= 0 && resolved.indexOf(earlier) < resolved.indexOf(later),
                resolved.toString());
        given().auth()
                .oauth2(platform)
                .queryParam("status", "RESOLVED")
                .queryParam("resolvedFrom", Instant.now().plusSeconds(3600).toString())
                .get("/referrals")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("next", nullValue());
    }

    /** Every open referral's id, oldest first, following every page of the queue with {@code filters}. */
    /**
     * The book's picture of the queue, counted by the database: each referral in the band of its
     * age (a bound belongs to the older band), per required authority, for a product if asked.
     * Rows of the queue are put in directly, at ages no request could give them, and taken out
     * again; the counts compared are the difference they make at one fixed moment.
     */
    @Test
    void theOpenReferralsAreCountedByAgeBandAndAuthority() throws Exception {
        Instant asOf = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<java.time.Duration> bounds = com.healthcyber.underwriting.decision.ReferralService.AGE_BOUNDS;
        ReferralRepository repository = new ReferralRepository(store.get());
        ReferralAges before = repository.openByAge(asOf, bounds, java.util.Optional.empty());
        ReferralAges registryBefore = repository.openByAge(
                asOf, bounds, java.util.Optional.of(com.healthcyber.underwriting.application.Product.MEDICAL_REGISTRY));
        Map<String, Object[]> rows = new java.util.LinkedHashMap<>();
        rows.put(
                UUID.randomUUID().toString(), new Object[] {asOf.plusSeconds(3600), "UNDERWRITER", "CYBER_HEALTHCARE"});
        rows.put(UUID.randomUUID().toString(), new Object[] {asOf.minusSeconds(3600), "UNDERWRITER", "CYBER_HEALTHCARE"
        });
        rows.put(
                UUID.randomUUID().toString(),
                new Object[] {asOf.minus(java.time.Duration.ofDays(2)), "SENIOR_UNDERWRITER", "CYBER_HEALTHCARE"});
        rows.put(
                UUID.randomUUID().toString(),
                new Object[] {asOf.minus(java.time.Duration.ofDays(3)), "SENIOR_UNDERWRITER", "MEDICAL_REGISTRY"});
        rows.put(
                UUID.randomUUID().toString(),
                new Object[] {asOf.minus(java.time.Duration.ofDays(10)), "UNDERWRITING_MANAGER", "CYBER_HEALTHCARE"});
        rows.put(
                UUID.randomUUID().toString(),
                new Object[] {asOf.minus(java.time.Duration.ofDays(400)), "UNDERWRITING_MANAGER", "MEDICAL_REGISTRY"});
        try (var connection = store.get().getConnection();
                var insert = connection.prepareStatement("INSERT INTO open_referral (decided_at, decision_id, product,"
                        + " required_authority) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Object[]> row : rows.entrySet()) {
                insert.setObject(
                        1, java.time.OffsetDateTime.ofInstant((Instant) row.getValue()[0], java.time.ZoneOffset.UTC));
                insert.setString(2, row.getKey());
                insert.setString(3, (String) row.getValue()[2]);
                insert.setString(4, (String) row.getValue()[1]);
                insert.executeUpdate();
            }
        }
        try {
            ReferralAges after = repository.openByAge(asOf, bounds, java.util.Optional.empty());
            assertEquals(
                    List.of(2L, 0L, 0L, 0L, 0L),
                    added(before, after, "UNDERWRITER"),
                    "under a day, one of them from the future");
            assertEquals(
                    List.of(0L, 1L, 1L, 0L, 0L), added(before, after, "SENIOR_UNDERWRITER"), "2 days; 3 days is 3-7");
            assertEquals(
                    List.of(0L, 0L, 0L, 1L, 1L), added(before, after, "UNDERWRITING_MANAGER"), "10 days; 400 days");
            assertEquals(before.total() + rows.size(), after.total());
            ReferralAges registry = repository.openByAge(
                    asOf,
                    bounds,
                    java.util.Optional.of(com.healthcyber.underwriting.application.Product.MEDICAL_REGISTRY));
            assertEquals(List.of(0L, 0L, 1L, 0L, 0L), added(registryBefore, registry, "SENIOR_UNDERWRITER"));
            assertEquals(List.of(0L, 0L, 0L, 0L, 1L), added(registryBefore, registry, "UNDERWRITING_MANAGER"));
            assertEquals(List.of(0L, 0L, 0L, 0L, 0L), added(registryBefore, registry, "UNDERWRITER"));
        } finally {
            try (var connection = store.get().getConnection();
                    var delete = connection.prepareStatement("DELETE FROM open_referral WHERE decision_id = ?")) {
                for (String id : rows.keySet()) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static List<Long> added(ReferralAges before, ReferralAges after, String level) {
        var key = com.healthcyber.underwriting.application.AuthorityLevel.valueOf(level);
        List<Long> difference = new ArrayList<>();
        for (int band = 0; band < after.counts().get(key).size(); band++) {
            difference.add(
                    after.counts().get(key).get(band) - before.counts().get(key).get(band));
        }
        return difference;
    }

    private List<String> queue(String filters) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/referrals?limit=200&" + filters + (cursor == null ? "" : "&cursor=" + cursor);
            ValidatableResponse page =
                    given().auth().oauth2(platform).get(url).then().statusCode(200);
            ids.addAll(page.extract().path("items.decisionId"));
            cursor = page.extract().path("next");
        } while (cursor != null);
        return ids;
    }

    private ValidatableResponse decide(String body) {
        return given().auth()
                .oauth2(platform)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/decisions")
                .then()
                .statusCode(200);
    }

    private String referral(String body) {
        return decide(body.replaceFirst("\"APP-\\d+\"", "\"APP-" + UUID.randomUUID() + "\""))
                .body("outcome", equalTo("REFER"))
                .extract()
                .path("decisionId");
    }

    private static ValidatableResponse resolve(String decisionId, String token, String body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/decisions/" + decisionId + "/resolution").then();
    }

    /** The contract example without its loss and breach history: accepted as it is. */
    private static String practice(Consumer<ObjectNode> change) {
        return Payloads.contractExampleWith(application -> {
            ObjectNode history = application.withObject("/history");
            history.remove("claims");
            history.remove("breaches");
            application.put("applicationId", "APP-" + UUID.randomUUID());
            change.accept(application);
        });
    }

    private static String accepted() {
        return practice(application -> {});
    }

    private static String declined() {
        return practice(application -> application.withObject("/history").put("willfulMisconduct", true));
    }

    /** Referred for the one reason an underwriter resolves: no security awareness training. */
    private static String underwriterReferral() {
        return practice(application -> application.withObject("/controls").put("securityAwarenessTraining", false));
    }

    /** One value the store holds for the decision, read on a connection of its own; null when there is none. */
    private String column(String decisionId, String sql) {
        try (var connection = store.get().getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setString(1, decisionId);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
