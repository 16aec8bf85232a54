package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.config.UnderwritingConfig;
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
 * The API's query parameters, each described once: a resource or its parameter record declares
 * only {@code @QueryParam("limit")} and the document gets the same description and schema
 * wherever the parameter appears. (A {@code @Parameter} on a record component would also land on
 * its accessor, and the scanner would list the parameter twice.) The Idempotency-Key header keeps
 * its description at the method (a decision's key, a resolution's key) and gets its schema here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SharedParameters implements OASFilter {

    private record Shared(String description, Supplier<Schema> schema) {}

    private static final Map<String, Shared> SHARED = Map.ofEntries(
            Map.entry("applicationId", new Shared(null, () -> text(64))),
            Map.entry("product", new Shared(null, () -> ref("Product"))),
            Map.entry("outcome", new Shared(null, () -> ref("Outcome"))),
            Map.entry("reasonCode", new Shared("Decisions that gave this reason code", () -> text(64))),
            Map.entry(
                    "decidedFrom",
                    new Shared(
                            "Decided at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z)",
                            SharedParameters::instant)),
            Map.entry("decidedTo", new Shared("Decided before this instant", SharedParameters::instant)),
            Map.entry(
                    "guidelineVersion",
                    new Shared("Decisions made by this guideline version (e.g. v2)", () -> text(32))),
            Map.entry(
                    "limit",
                    new Shared(
                            "Page size, 1 to " + DecisionResource.MAX_PAGE_SIZE + " (default 50)",
                            () -> OASFactory.createSchema()
                                    .addType(Schema.SchemaType.INTEGER)
                                    .format("int32")
                                    .defaultValue(50)
                                    .maximum(BigDecimal.valueOf(DecisionResource.MAX_PAGE_SIZE))
                                    .minimum(BigDecimal.ONE))),
            Map.entry(
                    "cursor",
                    new Shared(
                            "The `next` value of the previous page",
                            () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING))),
            Map.entry("status", new Shared("OPEN (the default) or RESOLVED", () -> ref("ReferralStatus"))),
            Map.entry(
                    "requiredAuthority",
                    new Shared("Referrals that need exactly this authority", () -> ref("AuthorityLevel"))),
            Map.entry(
                    "resolvedFrom",
                    new Shared(
                            "Resolved at or after this instant (ISO-8601, e.g. 2027-01-05T00:00:00Z); RESOLVED only. "
                                    + "A platform polling with the time of the last resolution it saw sees that one "
                                    + "again: recognise it by its decisionId",
                            SharedParameters::instant)),
            Map.entry(
                    "candidate",
                    new Shared(
                            "Name of a sub-directory of the candidates directory; absent means the active rules",
                            () -> text(100))),
            Map.entry(
                    "replayOn",
                    new Shared(
                            "A live guideline version to replay every selected decision on, whatever its date "
                                    + "(the cut-over question: these decisions, decided again by v2); not with candidate",
                            () -> text(32))),
            Map.entry(
                    "maxDecisions",
                    new Shared(
                            "Replay at most this many decisions (default and maximum: underwriting.impact.max-decisions)",
                            () -> OASFactory.createSchema()
                                    .addType(Schema.SchemaType.INTEGER)
                                    .format("int32")
                                    .maximum(new BigDecimal(UnderwritingConfig.Impact.DEFAULT_MAX_DECISIONS))
                                    .minimum(BigDecimal.ONE))));

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

    private static Schema text(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema ref(String schema) {
        return OASFactory.createSchema().ref("#/components/schemas/" + schema);
    }

    private static Schema instant() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time");
    }
}
