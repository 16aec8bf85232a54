package com.healthcyber.underwriting.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.decision.DecisionHistory;
import com.healthcyber.underwriting.decision.ReferralService;
import com.healthcyber.underwriting.decision.ReferralStanding;
import com.healthcyber.underwriting.decision.Replay;
import com.healthcyber.underwriting.decision.StoredRequestInvalidException;
import com.healthcyber.underwriting.ruleset.RulesService;
import com.healthcyber.underwriting.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Decisions on record: the search (the API's filters, newest first, a page at a time), one
 * decision as an underwriter reads it, and its replay on today's rules. The same
 * {@link DecisionHistory} and the same roles as {@code GET /decisions}, {@code GET
 * /decisions/{id}} and {@code POST /decisions/{id}/replay}.
 */
@Path("/console/decisions")
public class DecisionPages {

    static final int PAGE_SIZE = 25;

    private final DecisionHistory history;
    private final ReferralService referrals;
    private final RulesService rules;
    private final ConsoleFrame frame;
    private final ConsoleErrors errors;
    private final ObjectMapper json;
    private final Template search;
    private final Template decision;
    private final Template replay;

    public DecisionPages(
            DecisionHistory history,
            ReferralService referrals,
            RulesService rules,
            ConsoleFrame frame,
            ConsoleErrors errors,
            ObjectMapper json,
            @Location("console/decisions.html") Template search,
            @Location("console/decision.html") Template decision,
            @Location("console/replay.html") Template replay) {
        this.history = history;
        this.referrals = referrals;
        this.rules = rules;
        this.errors = errors;
        this.frame = frame;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.search = search;
        this.decision = decision;
        this.replay = replay;
    }

    /** What the search form holds, to show it again filled in and to build the next page's link. */
    public record Filters(
            String applicationId,
            String product,
            String outcome,
            String reasonCode,
            String guidelineVersion,
            String from,
            String to) {
        public String query() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("applicationId", applicationId);
            values.put("product", product);
            values.put("outcome", outcome);
            values.put("reasonCode", reasonCode);
            values.put("guidelineVersion", guidelineVersion);
            values.put("from", from);
            values.put("to", to);
            return FormInput.query(values);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance search(
            @QueryParam("applicationId") String applicationId,
            @QueryParam("product") String product,
            @QueryParam("outcome") String outcome,
            @QueryParam("reasonCode") String reasonCode,
            @QueryParam("guidelineVersion") String guidelineVersion,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        FormInput input = new FormInput();
        List<String> versions = rules.versions();
        DecisionSearch query = new DecisionSearch(
                input.text("Application", applicationId, 64),
                input.choice("Product", product, Product.class),
                input.choice("Outcome", outcome, Outcome.class),
                input.text("Reason code", reasonCode, 64),
                FormInput.startOf(input.day("Decided from", from)),
                FormInput.startOf(input.day("Decided before", to)),
                input.oneOf("Guideline version", guidelineVersion, versions),
                Cursor.read(cursor, input),
                PAGE_SIZE);
        Filters filters = new Filters(applicationId, product, outcome, reasonCode, guidelineVersion, from, to);
        DecisionHistory.Page page = input.problems().isEmpty()
                ? history.search(query)
                : new DecisionHistory.Page(List.of(), Optional.empty());
        return search.data("page", frame.of("decisions"))
                .data("filters", filters)
                .data("problems", input.problems())
                .data("items", page.items())
                .data("next", page.next().map(Cursor::write).orElse(null))
                .data("products", Product.values())
                .data("outcomes", Outcome.values())
                .data("versions", versions)
                .data("first", cursor == null || cursor.isBlank());
    }

    /** A decision's reasons, grouped DECLINE, REFER, CONDITION as the outcome was reached. */
    public record ReasonGroup(ReasonOutcome outcome, List<Reason> reasons) {}

    /**
     * A fact about the decision shown at its head. Guideline version, required authority and
     * referral status join this list when the record carries them.
     */
    public record Fact(String label, String value) {}

    @GET
    @Path("/{decisionId}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance decision(@PathParam("decisionId") String decisionId) {
        DecisionRecord record = onRecord(decisionId);
        Decision given = record.decision();
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("Application", given.applicationId()),
                new Fact("Product", given.product().name()),
                new Fact("Decided at", given.decidedAt().toString()),
                new Fact("Guideline version", given.guidelineVersion()),
                new Fact("Ruleset version", given.rulesetVersion()),
                new Fact("Requested by", record.requestedBy()),
                new Fact("Service / Drools", record.serviceVersion() + " / " + record.droolsVersion()),
                new Fact("Engine time", record.engineMicros() + " µs")));
        record.idempotencyKey().ifPresent(key -> facts.add(new Fact("Idempotency key", key)));
        Chrome chrome = frame.of("decisions");
        Optional<ReferralStanding> standing = referrals.standing(record);
        standing.ifPresent(referral -> {
            facts.add(
                    new Fact("Required authority", referral.requiredAuthority().name()));
            facts.add(new Fact("Referral status", referral.status().name()));
        });
        return decision.data("page", chrome)
                .data("decision", given)
                .data("facts", facts)
                .data(
                        "referral",
                        standing.map(referral -> ReferralPages.Desk.of(referral, chrome.user()))
                                .orElse(null))
                .data("groups", grouped(given.reasons()))
                .data("sections", ApplicationLayout.of(record.requestBody(), json))
                .data("raw", pretty(record.requestBody()));
    }

    @GET
    @Path("/{decisionId}/replay")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance replay(@PathParam("decisionId") String decisionId) {
        validId(decisionId);
        Replay result = history.replay(decisionId).orElseThrow(() -> unknown(decisionId));
        return replay.data("page", frame.of("decisions"))
                .data("replay", result)
                .data("stored", grouped(result.stored().reasons()))
                .data("replayed", grouped(result.replayed().reasons()));
    }

    /** An unknown or malformed id is a page saying so, not the API's problem document. */
    @ServerExceptionMapper
    public Response unknownDecision(NotFoundException e) {
        return errorPage(Response.Status.NOT_FOUND, "No such decision", e.getMessage());
    }

    @ServerExceptionMapper
    public Response storedRequestInvalid(StoredRequestInvalidException e) {
        return errorPage(
                422,
                "Cannot replay this decision",
                "The request on record is not a valid application under today's contract, so today's rules cannot decide it.");
    }

    @ServerExceptionMapper
    public Response storeUnreadable(StoreUnavailableException e) {
        return errors.storeUnavailable("decisions");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo page) {
        return errors.forbidden("decisions", page);
    }

    private Response errorPage(Response.Status status, String title, String detail) {
        return errorPage(status.getStatusCode(), title, detail);
    }

    private Response errorPage(int status, String title, String detail) {
        return errors.page(status, "decisions", title, detail);
    }

    static List<ReasonGroup> grouped(List<Reason> reasons) {
        List<ReasonGroup> groups = new ArrayList<>();
        for (ReasonOutcome outcome : ReasonOutcome.values()) {
            List<Reason> of = reasons.stream()
                    .filter(reason -> reason.outcome() == outcome)
                    .toList();
            if (!of.isEmpty()) {
                groups.add(new ReasonGroup(outcome, of));
            }
        }
        return groups;
    }

    private DecisionRecord onRecord(String decisionId) {
        validId(decisionId);
        return history.find(decisionId).orElseThrow(() -> unknown(decisionId));
    }

    private static void validId(String decisionId) {
        try {
            UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No decision has that id.");
        }
    }

    private static NotFoundException unknown(String decisionId) {
        return new NotFoundException("No decision " + decisionId + " is on record.");
    }

    private String pretty(String body) {
        try {
            return json.writeValueAsString(json.readTree(body));
        } catch (IOException e) {
            return body;
        }
    }

    /** The next page's position in a link: the last decision's time and id, opaque to the reader. */
    static final class Cursor {
        private Cursor() {}

        static String write(DecisionSearch.Position position) {
            String text = position.decidedAt() + "|" + position.decisionId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<DecisionSearch.Position> read(String cursor, FormInput input) {
            if (cursor == null || cursor.isBlank()) {
                return Optional.empty();
            }
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                Instant at = Instant.parse(text.substring(0, bar));
                String id = text.substring(bar + 1);
                UUID.fromString(id);
                return Optional.of(new DecisionSearch.Position(at, id));
            } catch (RuntimeException e) {
                input.problems().add("Page: the link is not one this console made; start the search again");
                return Optional.empty();
            }
        }
    }
}
