package com.healthcyber.underwriting.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The parameters several operations share, described once: a resource declares only
 * {@code @QueryParam("limit")} and the document gets the same description and schema wherever
 * it appears. A parameter one operation alone has keeps its {@code @Parameter} at the method;
 * the Idempotency-Key header keeps its description there (a decision's key, a resolution's key)
 * and gets its schema here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SharedParameters implements OASFilter {

    private record Shared(String description, Supplier<Schema> schema) {}

    private static final Map<String, Shared> SHARED = Map.of(
            "limit",
            new Shared(
                    "Page size, 1 to " + DecisionResource.MAX_PAGE_SIZE + " (default 50)",
                    () -> OASFactory.createSchema()
                            .addType(Schema.SchemaType.INTEGER)
                            .format("int32")
                            .defaultValue(50)
                            .maximum(BigDecimal.valueOf(DecisionResource.MAX_PAGE_SIZE))
                            .minimum(BigDecimal.ONE)),
            "cursor",
            new Shared(
                    "The `next` value of the previous page",
                    () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING)),
            "product",
            new Shared(null, () -> OASFactory.createSchema().ref("#/components/schemas/Product")),
            "decidedFrom",
            new Shared(
                    "Decided at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)",
                    SharedParameters::instant),
            "decidedTo",
            new Shared("Decided before this instant", SharedParameters::instant),
            "guidelineVersion",
            new Shared(
                    "Decisions made by this guideline version (e.g. v2)",
                    () -> OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .maxLength(32)));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.setParameters(operation.getParameters().stream()
                                .map(SharedParameters::described)
                                .toList());
                    }
                }));
    }

    /** The key {@code DecisionResource} accepts: refused, never trimmed, outside these. */
    private static Schema idempotencyKey() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .minLength(1)
                .maxLength(255)
                .pattern("^[\\x21-\\x7E]{1,255}$");
    }

    private static Parameter described(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.HEADER && DecisionResource.IDEMPOTENCY_KEY.equals(parameter.getName())) {
            return parameter.schema(idempotencyKey());
        }
        Shared shared = SHARED.get(parameter.getName());
        if (shared == null || parameter.getIn() != Parameter.In.QUERY) {
            return parameter;
        }
        Parameter described = OASFactory.createParameter();
        if (shared.description() != null) {
            described.setDescription(shared.description());
        }
        return described.schema(shared.schema().get()).name(parameter.getName()).in(Parameter.In.QUERY);
    }

    private static Schema instant() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time");
    }
}
