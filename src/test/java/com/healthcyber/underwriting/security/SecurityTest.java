package com.healthcyber.underwriting.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.healthcyber.underwriting.Payloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint against every role, resolutions against every authority level, and every kind of bad token. */
@QuarkusTest
class SecurityTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    enum Endpoint {
        DECIDE("POST", "/decisions", Roles.DECISIONS_WRITE, 200),
        READ_RULES("GET", "/rules", Roles.DECISIONS_READ, 200),
        RELOAD_RULES("POST", "/rules/reload", Roles.RULES_ADMIN, 200),
        SEARCH_DECISIONS("GET", "/decisions", Roles.DECISIONS_READ, 200),
        // An unknown id: the allowed role gets past authorization to the 404.
        READ_DECISION("GET", "/decisions/00000000-0000-0000-0000-000000000000", Roles.DECISIONS_READ, 404),
        REPLAY_DECISION("POST", "/decisions/00000000-0000-0000-0000-000000000000/replay", Roles.DECISIONS_READ, 404),
        IMPACT_ANALYSIS("POST", "/rules/impact", Roles.RULES_ADMIN, 200),
        // Every token of the matrix holds the highest authority: the claim never stands in for the role.
        RESOLVE_REFERRAL(
                "POST", "/decisions/00000000-0000-0000-0000-000000000000/resolution", Roles.REFERRALS_RESOLVE, 404),
        LIST_REFERRALS("GET", "/referrals", Roles.DECISIONS_READ, 200);

        final String method;
        final String path;
        final String role;
        final int allowed;

        Endpoint(String method, String path, String role, int allowed) {
            this.method = method;
            this.path = path;
            this.role = role;
            this.allowed = allowed;
        }

        ValidatableResponse call(RequestSpecification request) {
            request = request.contentType(ContentType.JSON).body(this == RESOLVE_REFERRAL ? APPROVAL : application());
            return (method.equals("GET") ? request.get(path) : request.post(path)).then();
        }

        String token(String role) {
            return Tokens.underwriter("test", "UNDERWRITING_MANAGER", role);
        }
    }

    private static final String APPROVAL =
            "{\"action\": \"APPROVE\", \"rationale\": \"Within appetite after review.\"}";
    private static final List<String> ROLES =
            List.of(Roles.DECISIONS_WRITE, Roles.DECISIONS_READ, Roles.RULES_ADMIN, Roles.REFERRALS_RESOLVE);

    @BeforeEach
    void noDefaultToken() {
        Tokens.anonymousRequests();
    }

    static Stream<Arguments> endpointsAndRoles() {
        return Stream.of(Endpoint.values())
                .flatMap(endpoint -> ROLES.stream().map(role -> Arguments.of(endpoint, role)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndRoles")
    void eachEndpointAdmitsOnlyItsRole(Endpoint endpoint, String role) {
        ValidatableResponse response = endpoint.call(given().auth().oauth2(endpoint.token(role)));
        if (role.equals(endpoint.role)) {
            response.statusCode(endpoint.allowed);
        } else {
            response.statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(403))
                    .body("title", equalTo("Forbidden"));
        }
    }

    /**
     * Each level of referral against each authority a resolver's token can hold: at or above the
     * level resolves it, below it or without a known level is a 403 naming what is missing.
     */
    static Stream<Arguments> referralLevelsAndAuthorities() {
        List<String> levels = List.of("UNDERWRITER", "SENIOR_UNDERWRITER", "UNDERWRITING_MANAGER");
        List<String> held =
                List.of("none", "CHIEF_UNDERWRITER", "UNDERWRITER", "SENIOR_UNDERWRITER", "UNDERWRITING_MANAGER");
        return levels.stream().flatMap(required -> held.stream().map(authority -> Arguments.of(required, authority)));
    }

    @ParameterizedTest(name = "a {0} referral resolved by a token with {1}")
    @MethodSource("referralLevelsAndAuthorities")
    void aReferralIsResolvedOnlyWithAtLeastItsAuthority(String required, String authority) {
        String decisionId = referralNeeding(required);
        List<String> levels = List.of("UNDERWRITER", "SENIOR_UNDERWRITER", "UNDERWRITING_MANAGER");
        String token =
                Tokens.underwriter("resolver", authority.equals("none") ? null : authority, Roles.REFERRALS_RESOLVE);
        ValidatableResponse response = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(APPROVAL)
                .post("/decisions/" + decisionId + "/resolution")
                .then();
        if (!levels.contains(authority)) {
            response.statusCode(403).contentType(PROBLEM_JSON).body("title", equalTo("No underwriting authority"));
        } else if (levels.indexOf(authority) < levels.indexOf(required)) {
            response.statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("title", equalTo("Insufficient authority"))
                    .body("detail", containsString("needs " + required));
        } else {
            response.statusCode(200).body("authority", equalTo(authority)).body("resolvedBy", equalTo("resolver"));
        }
    }

    @ParameterizedTest(name = "an authority without the role: {0}")
    @MethodSource("otherRoles")
    void theHighestAuthorityWithoutTheRoleResolvesNothing(String role) {
        given().auth()
                .oauth2(Tokens.underwriter("resolver", "UNDERWRITING_MANAGER", role))
                .contentType(ContentType.JSON)
                .body(APPROVAL)
                .post("/decisions/" + referralNeeding("UNDERWRITER") + "/resolution")
                .then()
                .statusCode(403)
                .body("title", equalTo("Forbidden"));
    }

    static Stream<String> otherRoles() {
        return ROLES.stream().filter(role -> !role.equals(Roles.REFERRALS_RESOLVE));
    }

    /** A new referral of the contract example, changed so that it needs exactly {@code level}. */
    private static String referralNeeding(String level) {
        String body = Payloads.contractExampleWith(application -> {
            application.put("applicationId", "SEC-" + java.util.UUID.randomUUID());
            var history = application.withObject("/history");
            switch (level) {
                case "UNDERWRITER" -> {
                    history.remove("claims");
                    history.remove("breaches");
                    application.withObject("/controls").put("securityAwarenessTraining", false);
                }
                case "SENIOR_UNDERWRITER" -> {} // one claim and a recent breach, as in the contract
                default ->
                    history.withArray("regulatoryActions")
                            .addObject()
                            .put("date", "2024-01-10")
                            .put("agency", "HHS_OCR");
            }
        });
        return given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/decisions")
                .then()
                .statusCode(200)
                .body("requiredAuthority", equalTo(level))
                .extract()
                .path("decisionId");
    }

    @ParameterizedTest(name = "{0} anonymous")
    @MethodSource("endpoints")
    void anonymousCallersGetA401Problem(Endpoint endpoint) {
        endpoint.call(given())
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(Endpoint.values());
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Tokens.signedWith(generator.generateKeyPair().getPrivate());
        Endpoint.DECIDE.call(given().auth().oauth2(forged)).statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        Endpoint.DECIDE
                .call(given().auth().oauth2(Tokens.fromAnotherIssuer()))
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void rejectsAnExpiredToken() {
        Endpoint.DECIDE
                .call(given().auth().oauth2(Tokens.expired()))
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    /** Issue 14: a token valid for 100 years was accepted; a leaked one would have been good for ever. */
    @Test
    void rejectsATokenValidForLongerThanADay() {
        Endpoint.DECIDE
                .call(given().auth().oauth2(Tokens.validFor(java.time.Duration.ofDays(36_500))))
                .statusCode(401)
                .contentType(PROBLEM_JSON);
        Endpoint.DECIDE
                .call(given().auth().oauth2(Tokens.validFor(java.time.Duration.ofHours(25))))
                .statusCode(401)
                .contentType(PROBLEM_JSON);
        Endpoint.DECIDE
                .call(given().auth().oauth2(Tokens.validFor(java.time.Duration.ofHours(23))))
                .statusCode(200);
    }

    @Test
    void rejectsGarbageAsAToken() {
        Endpoint.DECIDE
                .call(given().auth().oauth2("not.a.token"))
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body(not(containsString("Exception")));
    }

    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        given().port(ManagementInterface.PORT).get("/q/health/ready").then().statusCode(200);
        given().port(ManagementInterface.PORT).get("/q/health/live").then().statusCode(200);
        given().port(ManagementInterface.PORT).get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void metricsAndHealthAreNotServedOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void answersWithSecurityHeaders() {
        Endpoint.DECIDE
                .call(given().auth().oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE)))
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void refusesABodyOver256KiBWithA413Problem() {
        String huge = "{\"applicationId\":\"" + "x".repeat(300 * 1024) + "\"}";
        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(huge)
                .post("/decisions")
                .then()
                .statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(413));
    }

    private static String application() {
        return Payloads.contractExample();
    }
}
