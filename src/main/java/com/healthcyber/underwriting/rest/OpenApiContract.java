package com.healthcyber.underwriting.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotations cannot say, so that the document is the contract a validating proxy and a
 * client generator can rely on (decisions.md, "The OpenAPI document is the contract"):
 * <ul>
 * <li>every object a request can hold is closed, because the service refuses unknown fields;</li>
 * <li>the product-specific requirements of {@code ProductRequirementsValidator}, as if-then;</li>
 * <li>answers list their required fields: every property, but those the record leaves out when empty;</li>
 * <li>the document names one relative server, its own origin.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    /** Properties an answer leaves out when they have no value (the records' {@code @JsonInclude}). */
    static final Map<String, Set<String>> OPTIONAL_IN_ANSWERS = Map.ofEntries(
            Map.entry("Problem", Set.of("detail", "violations")),
            Map.entry("Decision", Set.of("requiredAuthority")),
            Map.entry("DecisionRecordView", Set.of("idempotencyKey", "requiredAuthority", "referral")),
            Map.entry("ReferralView", Set.of("resolution")),
            Map.entry("ReferralItem", Set.of("resolution")),
            Map.entry("Result", Set.of("requiredAuthority")),
            Map.entry("AuthorityTransition", Set.of("from", "to")),
            Map.entry(
                    "ImpactReport",
                    Set.of("rulesetVersion", "decidedFrom", "decidedTo", "product", "guidelineVersion")),
            Map.entry("RuleSetView", Set.of("lastReload")),
            Map.entry("GuidelineView", Set.of("lastReload")),
            Map.entry("GuidelineWindow", Set.of("from", "until")),
            Map.entry("GuidelineReload", Set.of("activeVersion", "candidateVersion", "changes")));

    /**
     * Answers that embed another answer's fields ({@code @JsonUnwrapped}), by the embedded one:
     * the scanner lists those fields in an order of its own, Jackson writes them first and in the
     * embedded record's order, and so does the document.
     */
    static final Map<String, String> UNWRAPPED = Map.of("DecisionRecordView", "Decision");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> requestSchemas = new TreeSet<>();
        Set<String> answerSchemas = new TreeSet<>();
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().values().forEach(operation -> {
                    if (operation.getRequestBody() != null) {
                        eachSchema(
                                operation.getRequestBody().getContent(),
                                schema -> reachable(schema, schemas, requestSchemas));
                    }
                    operation
                            .getResponses()
                            .getAPIResponses()
                            .values()
                            .forEach(response -> eachSchema(
                                    response.getContent(), schema -> reachable(schema, schemas, answerSchemas)));
                }));
        for (String name : requestSchemas) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() != null) {
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
        }
        UNWRAPPED.forEach((name, embedded) -> {
            if (schemas.containsKey(name) && schemas.containsKey(embedded)) {
                embeddedFirst(schemas.get(name), schemas.get(embedded));
            }
        });
        if (schemas.containsKey("Application")) {
            productRequirements(schemas.get("Application"));
        }
        for (String name : answerSchemas) {
            Schema schema = schemas.get(name);
            // A schema that is also a request's part keeps the request's optional fields
            // (a stored request is shown as it was received).
            if (schema.getProperties() != null && !requestSchemas.contains(name)) {
                Set<String> optional = OPTIONAL_IN_ANSWERS.getOrDefault(name, Set.of());
                schema.setRequired(schema.getProperties().keySet().stream()
                        .filter(property -> !optional.contains(property))
                        .toList());
            }
        }
        openAPI.setServers(
                List.of(OASFactory.createServer().url("/").description("The origin this document is served from")));
    }

    private static void embeddedFirst(Schema schema, Schema embedded) {
        Map<String, Schema> ordered = new LinkedHashMap<>();
        embedded.getProperties()
                .keySet()
                .forEach(
                        property -> ordered.put(property, schema.getProperties().get(property)));
        schema.getProperties().forEach(ordered::putIfAbsent);
        schema.setProperties(ordered);
    }

    /**
     * CYBER_HEALTHCARE needs {@code data.patientRecords} and no registries; MEDICAL_REGISTRY needs
     * at least one registry ({@code ProductRequirementsValidator}, decision-api.md field rules).
     */
    private static void productRequirements(Schema application) {
        Schema practice = OASFactory.createSchema()
                .ifSchema(product("CYBER_HEALTHCARE"))
                .thenSchema(OASFactory.createSchema()
                        .required(List.of("data"))
                        .addProperty(
                                "data",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .required(List.of("patientRecords"))
                                        .addProperty(
                                                "patientRecords",
                                                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                        .addProperty("registries", OASFactory.createSchema().maxItems(0)));
        Schema registry = OASFactory.createSchema()
                .ifSchema(product("MEDICAL_REGISTRY"))
                .thenSchema(OASFactory.createSchema()
                        .required(List.of("registries"))
                        .addProperty(
                                "registries",
                                OASFactory.createSchema()
                                        .addType(Schema.SchemaType.ARRAY)
                                        .minItems(1)));
        application.setAllOf(List.of(practice, registry));
    }

    private static Schema product(String product) {
        return OASFactory.createSchema()
                .required(List.of("product"))
                .addProperty("product", OASFactory.createSchema().constValue(product));
    }

    private static void eachSchema(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mediaType -> {
                if (mediaType.getSchema() != null) {
                    action.accept(mediaType.getSchema());
                }
            });
        }
    }

    /** Adds the names of every component schema reachable from {@code root}. */
    private static void reachable(Schema root, Map<String, Schema> schemas, Set<String> names) {
        Deque<Schema> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String name = schema.getRef().substring(SCHEMAS.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::push);
            }
            if (schema.getItems() != null) {
                pending.push(schema.getItems());
            }
            for (List<Schema> composed :
                    java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (composed != null) {
                    composed.forEach(pending::push);
                }
            }
        }
    }
}
