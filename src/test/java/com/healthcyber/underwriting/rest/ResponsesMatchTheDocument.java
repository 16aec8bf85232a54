package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every answer a {@code @QuarkusTest} receives through RestAssured is checked against the
 * operation's response in the served OpenAPI document: the status is declared, the content type
 * is one the status declares, the body validates against its schema and required headers are
 * there. A mismatch fails the test that made the request, so a validating proxy in front of the
 * service would accept everything the suite sees. Registered for every {@code @QuarkusTest} by
 * {@code META-INF/services}; paths the document does not describe ({@code /q/*}, unknown paths)
 * are not checked.
 */
public class ResponsesMatchTheDocument implements QuarkusTestBeforeEachCallback, Filter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ResponsesMatchTheDocument.class::isInstance)) {
            RestAssured.filters(new ResponsesMatchTheDocument());
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request,
            FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/") || uri.getPort() != RestAssured.port) {
            return response;
        }
        List<String> mismatches = mismatches(
                ServedDocument.of(uri.getScheme() + "://" + uri.getAuthority()),
                request.getMethod().toLowerCase(),
                uri.getPath(),
                response);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.statusCode()
                    + " outside the OpenAPI document: " + mismatches + "\nbody: " + abbreviated(response.asString()));
        }
        return response;
    }

    static List<String> mismatches(ServedDocument document, String method, String path, Response response) {
        String pathPointer = pathPointer(document.root.get("paths"), path);
        if (pathPointer == null || !document.root.at(pathPointer).has(method)) {
            return List.of(); // not an operation of the document: nothing to hold it to
        }
        String operation = pathPointer + "/" + method;
        String status = String.valueOf(response.statusCode());
        JsonNode declared = document.root.at(operation + "/responses/" + status);
        if (declared.isMissingNode()) {
            return List.of("status " + status + " is not declared");
        }
        List<String> mismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> headers =
                        declared.path("headers").fields();
                headers.hasNext(); ) {
            Map.Entry<String, JsonNode> header = headers.next();
            if (header.getValue().path("required").asBoolean() && response.header(header.getKey()) == null) {
                mismatches.add("required header " + header.getKey() + " is missing");
            }
        }
        String body = response.asString();
        if (body.isEmpty()) {
            if (declared.has("content")) {
                mismatches.add("the body is empty, the document declares " + names(declared.get("content")));
            }
            return mismatches;
        }
        String contentType = response.contentType() == null
                ? ""
                : response.contentType().split(";")[0].trim();
        if (!declared.path("content").has(contentType)) {
            mismatches.add("content type '" + contentType + "' is not among " + names(declared.path("content")));
            return mismatches;
        }
        String schema =
                operation + "/responses/" + status + "/content/" + ServedDocument.escape(contentType) + "/schema";
        if (document.root.at(schema).isMissingNode()) {
            mismatches.add("no schema for " + contentType);
            return mismatches;
        }
        try {
            Set<ValidationMessage> errors = document.schemaAt(schema).validate(MAPPER.readTree(body));
            errors.forEach(error -> mismatches.add(error.toString()));
        } catch (IOException e) {
            mismatches.add("the body is not JSON: " + e.getMessage());
        }
        return mismatches;
    }

    /** The pointer of the document's path template that matches this path, if one does. */
    private static String pathPointer(JsonNode paths, String path) {
        for (Iterator<String> templates = paths.fieldNames(); templates.hasNext(); ) {
            String template = templates.next();
            String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path)) {
                return "/paths/" + ServedDocument.escape(template);
            }
        }
        return null;
    }

    private static List<String> names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviated(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
