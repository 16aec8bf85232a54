package com.healthcyber.underwriting.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes every problem response of the API into the document in one shape: the ones each
 * operation declares with {@link ProblemAnswer}, then those every operation can give (401
 * without a valid token, 403 without the role, 406 for an Accept header the service cannot
 * answer, 500 with an incident id). A 503 carries Retry-After.
 *
 * <p>Runs before {@link OpenApiContract} (a higher priority runs first): that one lists the
 * required fields of every schema an answer reaches, Problem among them.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class ProblemResponses implements OASFilter {

    /** The resources whose operations answer problem documents. */
    static final List<Class<?>> RESOURCES =
            List.of(DecisionResource.class, ReferralResource.class, RulesResource.class);

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
        Map<String, List<ProblemAnswer>> declared = declaredByOperationId();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/decisions") || path.startsWith("/rules") || path.startsWith("/referrals")) {
                item.getOperations()
                        .values()
                        .forEach(operation ->
                                writeProblems(operation, declared.getOrDefault(operation.getOperationId(), List.of())));
            }
        });
    }

    static Map<String, List<ProblemAnswer>> declaredByOperationId() {
        Map<String, List<ProblemAnswer>> declared = new HashMap<>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                org.eclipse.microprofile.openapi.annotations.Operation operation =
                        method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                if (operation != null) {
                    declared.put(operation.operationId(), List.of(method.getAnnotationsByType(ProblemAnswer.class)));
                }
            }
        }
        return declared;
    }

    /**
     * The answers with a body of their own (200) first, then the declared problems in their
     * order, then the common ones the operation does not declare itself. The bare 401/403 that
     * Quarkus adds for secured operations are replaced: ours say that the body is a problem.
     */
    private static void writeProblems(Operation operation, List<ProblemAnswer> problems) {
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        if (operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (response.getContent() != null) {
                    responses.put(status, response);
                }
            });
        }
        for (ProblemAnswer problem : problems) {
            responses.put(
                    String.valueOf(problem.status()),
                    problem(problem.status(), problem.description(), problem.schema()));
        }
        EVERY_OPERATION.forEach((status, description) ->
                responses.putIfAbsent(status, problem(Integer.parseInt(status), description, Problem.class)));
        operation.getResponses().setAPIResponses(responses);
    }

    private static APIResponse problem(int status, String description, Class<?> schema) {
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema()
                                                .ref("#/components/schemas/" + schema.getSimpleName()))));
        if (status == 503) {
            response.addHeader(
                    "Retry-After",
                    OASFactory.createHeader()
                            .description("Seconds to wait before retrying")
                            .required(true)
                            .schema(OASFactory.createSchema()
                                    .addType(Schema.SchemaType.INTEGER)
                                    .minimum(BigDecimal.ZERO)));
        }
        return response;
    }
}
