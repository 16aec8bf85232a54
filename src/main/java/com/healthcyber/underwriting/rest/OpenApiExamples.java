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
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Puts decision-api.md's example applications, and examples of a resolution and of the
 * referral desk's queue, into the OpenAPI document, read from the same files the tests and the
 * README's curl use, so the published examples cannot drift.
 */
public class OpenApiExamples implements OASFilter {

    // Ordered: Map.of iterates in an order that changes from one JVM to the next, and the document
    // must be the same bytes on every start (clients and proxies cache and diff it).
    static final Map<String, String> EXAMPLES = orderedMap(
            "cyberHealthcare", "/examples/cyber-healthcare-application.json",
            "medicalRegistry", "/examples/medical-registry-application.json");

    static final Map<String, String> SUMMARIES = orderedMap(
            "cyberHealthcare", "A small physician practice (decision-api.md)",
            "medicalRegistry", "A registry operator",
            "approve", "Approved with a subjectivity (decision-api.md)",
            "decline", "Declined",
            "resolved", "A referral approved by a senior underwriter",
            "openReferrals", "The oldest open referral, and the cursor of the next page");

    static final String RESOLUTION = "/decisions/{decisionId}/resolution";
    static final String REFERRALS = "/referrals";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Operation decide = operation(openAPI, "/decisions", PathItem.HttpMethod.POST);
        if (decide != null && decide.getRequestBody() != null) {
            addExamples(json(decide.getRequestBody().getContent()), EXAMPLES);
        }
        Operation resolve = operation(openAPI, RESOLUTION, PathItem.HttpMethod.POST);
        if (resolve != null && resolve.getRequestBody() != null) {
            addExamples(
                    json(resolve.getRequestBody().getContent()),
                    orderedMap(
                            "approve", "/examples/resolution-approve.json",
                            "decline", "/examples/resolution-decline.json"));
            addExamples(json(ok(resolve)), orderedMap("resolved", "/examples/resolution.json"));
        }
        Operation list = operation(openAPI, REFERRALS, PathItem.HttpMethod.GET);
        if (list != null) {
            addExamples(json(ok(list)), orderedMap("openReferrals", "/examples/referral-page.json"));
        }
    }

    private static Operation operation(OpenAPI openAPI, String path, PathItem.HttpMethod method) {
        PathItem item = openAPI.getPaths().getPathItem(path);
        return item == null ? null : item.getOperations().get(method);
    }

    private static Content ok(Operation operation) {
        APIResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().getAPIResponse("200");
        return ok == null ? null : ok.getContent();
    }

    private static MediaType json(Content content) {
        return content == null ? null : content.getMediaType("application/json");
    }

    private static void addExamples(MediaType json, Map<String, String> examples) {
        if (json == null) {
            return;
        }
        examples.forEach((name, resource) -> json.addExample(
                name, OASFactory.createExample().summary(SUMMARIES.get(name)).value(read(resource))));
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
