package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;

/**
 * Puts decision-api.md's example applications into the OpenAPI document, read from the same
 * files the tests and the README's curl use, so the published examples cannot drift.
 */
public class OpenApiExamples implements OASFilter {

    // Ordered: Map.of iterates in an order that changes from one JVM to the next, and the document
    // must be the same bytes on every start (clients and proxies cache and diff it).
    static final Map<String, String> EXAMPLES = orderedMap(
            "cyberHealthcare", "/examples/cyber-healthcare-application.json",
            "medicalRegistry", "/examples/medical-registry-application.json");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem decisions =
                openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/decisions");
        if (decisions == null
                || decisions.getPOST() == null
                || decisions.getPOST().getRequestBody() == null) {
            return;
        }
        MediaType json = decisions.getPOST().getRequestBody().getContent().getMediaType("application/json");
        if (json == null) {
            return;
        }
        EXAMPLES.forEach((name, resource) -> json.addExample(
                name,
                OASFactory.createExample()
                        .summary(
                                name.equals("cyberHealthcare")
                                        ? "A small physician practice (decision-api.md)"
                                        : "A registry operator")
                        .value(read(resource))));
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Object read(String resource) {
        try (InputStream in = OpenApiExamples.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
