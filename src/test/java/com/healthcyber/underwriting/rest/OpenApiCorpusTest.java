package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.intake.StrictJson;
import com.healthcyber.underwriting.ruleset.Scenario;
import com.healthcyber.underwriting.ruleset.ScenarioLoader;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published Application schema classifies requests exactly as the service does: a body
 * valid per the schema is decided (200), an invalid one is refused (400). The corpus is every
 * scenario's application and the bad inputs of the endpoint tests. What JSON Schema cannot
 * express is listed in {@link #OUTSIDE_THE_SCHEMA} with the reason (decisions.md).
 */
@QuarkusTest
class OpenApiCorpusTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Bodies the service refuses for a reason a schema cannot state: they are not one JSON value of the schema's kind. */
    static final Map<String, String> OUTSIDE_THE_SCHEMA = new LinkedHashMap<>();

    static {
        OUTSIDE_THE_SCHEMA.put("malformed JSON", "{\"applicationId\": \"APP-1\",");
        OUTSIDE_THE_SCHEMA.put("empty body", "");
        OUTSIDE_THE_SCHEMA.put("two documents in one body", Payloads.contractExample() + Payloads.contractExample());
        // A JSON object cannot hold a field twice in the schema's data model: the parser keeps one.
        OUTSIDE_THE_SCHEMA.put("duplicated field", "{\"applicationId\": \"A\", \"applicationId\": \"B\"}");
    }

    @BeforeEach
    void authenticate() {
        Tokens.authenticateEveryRequest();
    }

    @Test
    void everyScenarioApplicationIsValidAndDecided() throws Exception {
        List<Scenario> scenarios = new ScenarioLoader(StrictJson.newMapper())
                .load(Path.of("rules/v1"))
                .scenarios();
        assertTrue(scenarios.size() > 20, "found the scenarios: " + scenarios.size());
        List<String> disagreements = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            classify(
                    scenario.file() + " " + scenario.name(),
                    scenario.application().toString(),
                    disagreements);
        }
        assertEquals(List.of(), disagreements);
    }

    @Test
    void theSchemaAndTheServiceAgreeOnEveryCorpusRequest() throws Exception {
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("contract example", Payloads.contractExample());
        corpus.put("registry example", Payloads.registryExample());
        // valid: the contract allows null or absence here
        practice(
                corpus,
                "never tested a restore (null)",
                app -> app.withObject("/controls").putNull("lastBackupRestoreTest"));
        practice(
                corpus,
                "never assessed (null)",
                app -> app.withObject("/controls").putNull("lastHipaaRiskAssessment"));
        practice(
                corpus,
                "never assessed (absent)",
                app -> app.withObject("/controls").remove("lastHipaaRiskAssessment"));
        practice(
                corpus,
                "no state, no employees (null)",
                app -> app.withObject("/applicant").putNull("state").putNull("employees"));
        practice(
                corpus,
                "no history lists (null)",
                app -> app.withObject("/history")
                        .putNull("claims")
                        .putNull("breaches")
                        .putNull("regulatoryActions"));
        practice(corpus, "practice with empty registries", app -> app.putArray("registries"));
        practice(corpus, "practice with null registries", app -> app.putNull("registries"));
        practice(
                corpus,
                "organization type of the other product",
                app -> app.withObject("/applicant").put("organizationType", "REGISTRY_VENDOR"));
        registry(
                corpus,
                "registry without migration (null)",
                app -> ((ObjectNode) app.withArray("registries").get(0)).putNull("migration"));
        registry(
                corpus,
                "registry without migration (absent)",
                app -> ((ObjectNode) app.withArray("registries").get(0)).remove("migration"));
        registry(corpus, "registry without data", app -> app.remove("data"));
        // invalid: the endpoint tests' bad inputs and the examples
        practice(corpus, "country USA", app -> app.withObject("/applicant").put("country", "USA"));
        practice(
                corpus,
                "country lower case",
                app -> app.withObject("/applicant").put("country", "us"));
        practice(corpus, "unknown top-level field", app -> app.put("colour", "red"));
        practice(corpus, "misspelt control", app -> app.withObject("/controls").put("mfaEmial", true));
        practice(
                corpus,
                "unknown field in a claim",
                app -> ((ObjectNode) app.withArray("/history/claims").get(0)).put("x", 1));
        practice(
                corpus,
                "organization type of neither product",
                app -> app.withObject("/applicant").put("organizationType", "HOSPITAL"));
        practice(corpus, "unknown product", app -> app.put("product", "AUTO"));
        practice(corpus, "missing answers", app -> {
            app.withObject("/controls").remove("mfaEmail");
            app.withObject("/history").remove("willfulMisconduct");
        });
        practice(corpus, "a wrong type", app -> app.withObject("/controls").put("criticalPatchDays", "soon"));
        practice(corpus, "negative revenue", app -> app.withObject("/applicant").put("annualRevenue", -1));
        practice(corpus, "zero limit", app -> app.withObject("/coverage").put("limit", 0));
        practice(corpus, "no sections", app -> app.withObject("/coverage").putArray("sections"));
        practice(
                corpus,
                "registries on a practice",
                app -> app.withArray("registries").addObject().put("name", "x"));
        practice(corpus, "practice without data", app -> app.remove("data"));
        practice(
                corpus,
                "practice with null patient records",
                app -> app.withObject("/data").putNull("patientRecords"));
        practice(corpus, "registry product without registries", app -> app.put("product", "MEDICAL_REGISTRY"));
        registry(corpus, "registry with null registries", app -> app.putNull("registries"));
        registry(
                corpus,
                "registry with an incomplete registry",
                app -> ((ObjectNode) app.withArray("registries").get(0)).remove("records"));
        registry(
                corpus,
                "registry with an incomplete migration",
                app -> ((ObjectNode) app.withArray("registries").get(0))
                        .withObject("migration")
                        .remove("rollbackTested"));
        practice(
                corpus,
                "a null required answer",
                app -> app.withObject("/controls").putNull("mfaEmail"));
        practice(corpus, "more claims than the bound", app -> {
            for (int i = 0; i < 101; i++) {
                app.withArray("/history/claims")
                        .addObject()
                        .put("date", "2023-06-01")
                        .put("type", "PHISHING")
                        .put("paid", 1);
            }
        });
        practice(corpus, "an overlong name", app -> app.withObject("/applicant").put("name", "x".repeat(10_001)));
        practice(corpus, "a blank name", app -> app.withObject("/applicant").put("name", "   "));
        practice(corpus, "an empty application id", app -> app.put("applicationId", ""));
        practice(
                corpus,
                "a date that is not ISO",
                app -> app.withObject("/coverage").put("effectiveDate", "01/01/2027"));
        practice(
                corpus,
                "a date that is not on the calendar",
                app -> app.withObject("/coverage").put("effectiveDate", "2027-02-30"));
        corpus.put("a JSON array", "[" + Payloads.contractExample() + "]");
        corpus.put("JSON null", "null");
        corpus.put("deep nesting", "{\"applicant\":" + "[".repeat(200) + "]".repeat(200) + "}");

        List<String> disagreements = new ArrayList<>();
        corpus.forEach((name, body) -> classify(name, body, disagreements));
        assertEquals(List.of(), disagreements);
    }

    /** What the schema cannot judge is still refused by the service, so the gap only ever refuses. */
    @Test
    void whatTheSchemaCannotExpressIsRefused() {
        OUTSIDE_THE_SCHEMA.forEach((name, body) -> assertEquals(400, post(body), name));
    }

    /** The response check of every @QuarkusTest is on, and it does refuse an answer that is not the operation's. */
    @Test
    void everyAnswerIsCheckedAgainstTheDocument() {
        assertTrue(RestAssured.filters().stream().anyMatch(ResponsesMatchTheDocument.class::isInstance), "registered");
        io.restassured.response.Response decision = given().contentType("application/json")
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertEquals(List.of(), ResponsesMatchTheDocument.mismatches(document(), "post", "/decisions", decision));
        assertTrue(
                ResponsesMatchTheDocument.mismatches(document(), "get", "/rules", decision)
                                .size()
                        > 0,
                "a decision is not a ruleset view");
        assertTrue(
                ResponsesMatchTheDocument.mismatches(document(), "post", "/decisions/x/replay", decision)
                                .size()
                        > 0,
                "a decision is not a replay");
    }

    /** Without a product the report leaves the bound out; it used to send "product": null, which its schema forbids. */
    @Test
    void anImpactReportWithoutAProductMatchesItsSchema() {
        io.restassured.response.Response report =
                given().post("/rules/impact").then().statusCode(200).extract().response();
        assertEquals(List.of(), ResponsesMatchTheDocument.mismatches(document(), "post", "/rules/impact", report));
        assertTrue(!report.asString().contains("\"product\""), report.asString());
    }

    /**
     * The served document is byte for byte the reviewed copy under src/test/resources: a contract
     * change is a visible diff, and an order that changes between JVMs (Map.of) fails here.
     */
    @Test
    void theServedDocumentIsTheCommittedContract() throws Exception {
        String served = document().text;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-served.json"), served);
        String committed = Files.readString(Path.of("src/test/resources/openapi/openapi.json"));
        assertEquals(
                committed,
                served,
                "the document changed: review target/openapi-served.json and copy it to "
                        + "src/test/resources/openapi/openapi.json");
    }

    private void classify(String name, String body, List<String> disagreements) {
        boolean valid;
        try {
            valid = document()
                    .schemaAt("/components/schemas/Application")
                    .validate(MAPPER.readTree(body))
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(name + " is not JSON: move it to OUTSIDE_THE_SCHEMA", e);
        }
        int status = post(body);
        if (status != (valid ? 200 : 400)) {
            disagreements.add(name + ": schema says " + (valid ? "valid" : "invalid") + ", service answered " + status);
        }
    }

    private static int post(String body) {
        return given().contentType("application/json")
                .body(body)
                .post("/decisions")
                .then()
                .extract()
                .statusCode();
    }

    private static ServedDocument document() {
        URI base = URI.create(RestAssured.baseURI);
        return ServedDocument.of(base.getScheme() + "://" + base.getHost() + ":" + RestAssured.port);
    }

    private static void practice(Map<String, String> corpus, String name, Consumer<ObjectNode> change) {
        corpus.put(name, Payloads.contractExampleWith(change));
    }

    private static void registry(Map<String, String> corpus, String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode application = (ObjectNode) MAPPER.readTree(Payloads.registryExample());
            change.accept(application);
            corpus.put(name, application.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
