package com.healthcyber.underwriting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.Payloads;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document integrators generate clients from is complete and agrees with the contract. */
@QuarkusTest
class OpenApiTest {

    @org.junit.jupiter.api.BeforeEach
    void authenticate() {
        com.healthcyber.underwriting.security.Tokens.authenticateEveryRequest();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void documentsEveryPublicEndpoint() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> endpoints = publicEndpoints();
        assertTrue(endpoints.size() >= 7, "found the resources: " + endpoints);
        for (String endpoint : endpoints) {
            String[] methodAndPath = endpoint.split(" ", 2);
            String pointer =
                    "/" + methodAndPath[1].replace("~", "~0").replace("/", "~1") + "/" + methodAndPath[0].toLowerCase();
            assertTrue(paths.at(pointer).isObject(), endpoint + " is in the OpenAPI document");
            for (String status : List.of("401", "403", "500")) {
                assertTrue(
                        paths.at(pointer + "/responses/" + status + "/content/application~1problem+json")
                                .isObject(),
                        endpoint + " documents its " + status + " problem");
            }
        }
        JsonNode responses = paths.at("/~1decisions/post/responses");
        for (String status : List.of("200", "400", "401", "403", "413", "415", "422", "500", "503")) {
            assertTrue(responses.has(status), "POST /decisions documents " + status);
        }
        assertTrue(responses.at("/400/content/application~1problem+json").isObject());
        assertTrue(
                paths.at("/~1decisions~1{decisionId}/get/responses/404").isObject(),
                "GET /decisions/{id} documents 404");
        assertTrue(paths.at("/~1rules~1impact/post/responses/422").isObject(), "POST /rules/impact documents 422");
    }

    /**
     * Every JAX-RS method of the production resources, found from the compiled classes so a new
     * endpoint cannot be forgotten here (the benchmark-only baseline is not production).
     */
    private static List<String> publicEndpoints() throws Exception {
        List<String> endpoints = new java.util.ArrayList<>();
        java.nio.file.Path rest = java.nio.file.Path.of("target/classes/com/healthcyber/underwriting/rest");
        try (var files = java.nio.file.Files.list(rest)) {
            for (java.nio.file.Path file : files.filter(f ->
                            f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                Class<?> type = Class.forName("com.healthcyber.underwriting.rest."
                        + file.getFileName().toString().replace(".class", ""));
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null || type.isAnnotationPresent(io.quarkus.arc.profile.IfBuildProfile.class)) {
                    continue;
                }
                for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(jakarta.ws.rs.GET.class)
                            ? "GET"
                            : method.isAnnotationPresent(jakarta.ws.rs.POST.class) ? "POST" : null;
                    if (verb != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        endpoints.add(verb + " " + root.value() + (sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    void theApplicationSchemaHasTheContractsRequiredFieldsAndEnums() throws Exception {
        JsonNode schemas = document().at("/components/schemas");
        assertTrue(names(schemas.at("/Application/required"))
                .containsAll(List.of("applicationId", "product", "applicant", "controls", "history", "coverage")));
        assertTrue(names(schemas.at("/Controls/required"))
                .containsAll(List.of("mfaEmail", "mfaRemoteAccess", "criticalPatchDays")));
        assertFalse(names(schemas.at("/Controls/required")).contains("lastBackupRestoreTest"), "optional");
        assertEquals(List.of("CYBER_HEALTHCARE", "MEDICAL_REGISTRY"), names(schemas.at("/Product/enum")));
        assertTrue(names(schemas.at("/Outcome/enum")).containsAll(List.of("ACCEPT", "REFER", "DECLINE")));
    }

    @Test
    void carriesTheContractsExampleApplications() throws Exception {
        JsonNode examples = document().at("/paths/~1decisions/post/requestBody/content/application~1json/examples");
        assertEquals(
                "APP-1001", examples.at("/cyberHealthcare/value/applicationId").asText());
        assertEquals(
                "MEDICAL_REGISTRY",
                examples.at("/medicalRegistry/value/product").asText());
    }

    @Test
    void theShippedExamplesValidateAgainstThePublishedSchema() throws Exception {
        JsonSchema schema = applicationSchema();
        for (String example : List.of(Payloads.contractExample(), Payloads.registryExample())) {
            Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(example));
            assertEquals(Set.of(), errors);
        }
    }

    /** The referral endpoints' examples are what their schemas describe: a client generated from them reads them. */
    @Test
    void theReferralExamplesValidateAgainstTheirSchemas() throws Exception {
        JsonNode paths = document().get("paths");
        Map<String, String> examplesBySchema = new java.util.LinkedHashMap<>();
        examplesBySchema.put(
                "/~1decisions~1{decisionId}~1resolution/post/requestBody/content/application~1json/examples/approve",
                "ResolutionRequest");
        examplesBySchema.put(
                "/~1decisions~1{decisionId}~1resolution/post/requestBody/content/application~1json/examples/decline",
                "ResolutionRequest");
        examplesBySchema.put(
                "/~1decisions~1{decisionId}~1resolution/post/responses/200/content/application~1json/examples/resolved",
                "Resolution");
        examplesBySchema.put(
                "/~1referrals/get/responses/200/content/application~1json/examples/openReferrals", "ReferralPage");
        for (Map.Entry<String, String> example : examplesBySchema.entrySet()) {
            JsonNode value = paths.at(example.getKey() + "/value");
            assertTrue(value.isObject(), example.getKey() + " is in the document");
            assertEquals(Set.of(), schema(example.getValue()).validate(value), example.getKey());
        }
        ObjectNode withSubjectivityTooLong = (ObjectNode) paths.at(
                        "/~1decisions~1{decisionId}~1resolution/post/requestBody/content/application~1json/examples/approve/value")
                .deepCopy();
        withSubjectivityTooLong.putArray("subjectivities").add("s".repeat(501));
        withSubjectivityTooLong.put("resolvedBy", "someone");
        assertEquals(
                2, schema("ResolutionRequest").validate(withSubjectivityTooLong).size());
    }

    @Test
    void thePublishedSchemaRejectsWhatTheServiceRejects() throws Exception {
        JsonSchema schema = applicationSchema();
        ObjectNode broken = (ObjectNode) MAPPER.readTree(Payloads.contractExample());
        broken.withObject("/controls").remove("mfaEmail");
        broken.put("product", "AUTO");
        assertEquals(2, schema.validate(broken).size(), schema.validate(broken).toString());
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** The document itself is the schema root, so its #/components/schemas references resolve. */
    private static JsonSchema applicationSchema() throws Exception {
        return schema("Application");
    }

    private static JsonSchema schema(String name) throws Exception {
        ObjectNode root = (ObjectNode) document();
        root.put("$ref", "#/components/schemas/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    private static JsonNode document() throws Exception {
        return MAPPER.readTree(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }
}
