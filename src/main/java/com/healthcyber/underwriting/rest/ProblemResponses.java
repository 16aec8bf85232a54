package com.healthcyber.underwriting.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem responses every API operation can give, so that each resource method
 * lists only the ones particular to it: 401 without a valid token, 403 without the role, 406 for
 * an Accept header the service cannot answer, 500 with an incident id.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> EVERY_OPERATION = OpenApiExamples.orderedMap(
            "401", "No valid bearer token",
            "403", "The token lacks the role this operation needs",
            "406", "The Accept header admits neither application/json nor application/problem+json",
            "500", "An unexpected failure; the detail holds an incident id, nothing else");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/decisions") || path.startsWith("/rules") || path.startsWith("/referrals")) {
                item.getOperations().values().forEach(ProblemResponses::addCommonProblems);
            }
        });
    }

    /**
     * Adds the response where the operation has none, and replaces the bare 401/403 that
     * Quarkus adds for secured operations: ours say that the body is a problem document.
     */
    private static void addCommonProblems(Operation operation) {
        EVERY_OPERATION.forEach((status, description) -> {
            APIResponse existing = operation.getResponses().getAPIResponse(status);
            if (existing == null || existing.getContent() == null) {
                operation.getResponses().addAPIResponse(status, problem(description));
            }
        });
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }
}
