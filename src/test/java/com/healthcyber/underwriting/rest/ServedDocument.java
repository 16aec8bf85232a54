package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document as the running service serves it, and JSON Schema validators for its
 * parts: the document itself is the schema root, so its #/components/schemas references resolve.
 * Formats (date, date-time) are asserted, as a validating proxy does.
 */
final class ServedDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, ServedDocument> BY_ORIGIN = new ConcurrentHashMap<>();

    final String text;
    final JsonNode root;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private ServedDocument(String text) throws IOException {
        this.text = text;
        this.root = MAPPER.readTree(text);
    }

    /** Read once per origin (scheme, host and port of the service under test). */
    static ServedDocument of(String origin) {
        return BY_ORIGIN.computeIfAbsent(origin, ServedDocument::fetch);
    }

    private static ServedDocument fetch(String origin) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return new ServedDocument(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A validator for the schema at this JSON pointer of the document. */
    JsonSchema schemaAt(String pointer) {
        return schemas.computeIfAbsent(pointer, at -> {
            ObjectNode copy = root.deepCopy();
            copy.put("$ref", "#" + at);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            copy,
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
        });
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
