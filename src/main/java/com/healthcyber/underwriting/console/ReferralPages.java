package com.healthcyber.underwriting.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.application.Resolution;
import com.healthcyber.underwriting.application.ResolutionAction;
import com.healthcyber.underwriting.application.ResolutionRequest;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.ReferralRecord;
import com.healthcyber.underwriting.audit.ReferralSearch;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.decision.DecisionHistory;
import com.healthcyber.underwriting.decision.IdempotencyConflictException;
import com.healthcyber.underwriting.decision.ReferralService;
import com.healthcyber.underwriting.decision.ReferralStanding;
import com.healthcyber.underwriting.decision.ResolutionCommand;
import com.healthcyber.underwriting.decision.ResolutionRefusedException;
import com.healthcyber.underwriting.intake.InvalidResolutionException;
import com.healthcyber.underwriting.intake.Violation;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Underwriter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The referral desk: the open queue, oldest first (the API's {@code GET /referrals}, same role),
 * and the form that resolves one referral (the API's {@code POST /decisions/{id}/resolution},
 * same role). The form is turned into the API's body and goes through the same
 * {@link ReferralService#resolve}, with the signed-in underwriter's name and authority: who may
 * resolve what, and what a valid resolution is, are decided there, once, for both.
 */
@Path("/console/referrals")
public class ReferralPages {

    static final int PAGE_SIZE = 25;

    private final ReferralService referrals;
    private final DecisionHistory history;
    private final ConsoleFrame frame;
    private final ConsoleErrors errors;
    private final ObjectMapper json;
    private final Template queue;
    private final Template resolve;

    public ReferralPages(
            ReferralService referrals,
            DecisionHistory history,
            ConsoleFrame frame,
            ConsoleErrors errors,
            ObjectMapper json,
            @Location("console/referrals.html") Template queue,
            @Location("console/resolve.html") Template resolve) {
        this.referrals = referrals;
        this.history = history;
        this.frame = frame;
        this.errors = errors;
        this.json = json;
        this.queue = queue;
        this.resolve = resolve;
    }

    /** One row of the queue, as an underwriter scans it. */
    public record Row(
            String decisionId,
            String applicationId,
            Product product,
            Instant decidedAt,
            String waited,
            AuthorityLevel requiredAuthority,
            List<String> codes,
            boolean yours) {}

    /** The queue's filters, to show them again and to carry them to the next page. */
    public record Filters(String requiredAuthority, String product) {
        public String query() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("requiredAuthority", requiredAuthority);
            values.put("product", product);
            return FormInput.query(values);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance queue(
            @QueryParam("requiredAuthority") String requiredAuthority,
            @QueryParam("product") String product,
            @QueryParam("cursor") String cursor) {
        FormInput input = new FormInput();
        ReferralSearch search = new ReferralSearch(
                ReferralStatus.OPEN,
                input.choice("Required authority", requiredAuthority, AuthorityLevel.class),
                input.choice("Product", product, Product.class),
                Optional.empty(),
                DecisionPages.Cursor.read(cursor, input),
                PAGE_SIZE);
        Chrome chrome = frame.of("referrals");
        Optional<AuthorityLevel> held = held(chrome.user());
        boolean resolver = chrome.user().has(Roles.REFERRALS_RESOLVE);
        ReferralService.Page page = input.problems().isEmpty()
                ? referrals.queue(search)
                : new ReferralService.Page(List.of(), Optional.empty(), Instant.now());
        List<Row> rows = page.items().stream()
                .map(item -> row(
                        item,
                        page.asOf(),
                        resolver && held.isPresent() && held.get().covers(item.requiredAuthority())))
                .toList();
        return queue.data("page", chrome)
                .data("filters", new Filters(requiredAuthority, product))
                .data("problems", input.problems())
                .data("rows", rows)
                .data("resolver", resolver)
                .data("held", held.map(Enum::name).orElse(null))
                .data("next", page.next().map(DecisionPages.Cursor::write).orElse(null))
                .data("first", cursor == null || cursor.isBlank())
                .data("levels", AuthorityLevel.values())
                .data("products", Product.values());
    }

    /** What the resolve form holds, sent or to be sent; {@code key} makes a double submit one resolution. */
    public record Form(String action, String rationale, String subjectivities, String key) {
        static Form blank() {
            return new Form("", "", "", UUID.randomUUID().toString());
        }

        Form withNewKey() {
            return new Form(action, rationale, subjectivities, UUID.randomUUID().toString());
        }

        public boolean approve() {
            return ResolutionAction.APPROVE.name().equals(action);
        }

        public boolean decline() {
            return ResolutionAction.DECLINE.name().equals(action);
        }
    }

    @GET
    @Path("/{decisionId}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.REFERRALS_RESOLVE)
    public Response form(@PathParam("decisionId") String decisionId) {
        DecisionRecord record = onRecord(decisionId);
        ReferralStanding standing = onTheDesk(record);
        return page(Response.Status.OK.getStatusCode(), record, standing, Form.blank(), List.of(), null);
    }

    @POST
    @Path("/{decisionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.REFERRALS_RESOLVE)
    public Response submit(
            @PathParam("decisionId") String decisionId,
            @RestForm String action,
            @RestForm String rationale,
            @RestForm String subjectivities,
            @RestForm String key) {
        DecisionRecord record = onRecord(decisionId);
        ReferralStanding standing = onTheDesk(record);
        Form sent = new Form(orEmpty(action), orEmpty(rationale), orEmpty(subjectivities), orEmpty(key));
        Optional<String> idempotencyKey = formKey(sent.key());
        if (idempotencyKey.isEmpty()) {
            return page(400, record, standing, sent.withNewKey(), List.of(STALE_FORM), null);
        }
        Underwriter user = frame.of("referrals").user();
        try {
            referrals
                    .resolve(new ResolutionCommand(
                            decisionId,
                            body(sent),
                            user.name(),
                            user.authority().map(Enum::name),
                            idempotencyKey))
                    .orElseThrow(() -> unknown(decisionId));
        } catch (InvalidResolutionException e) {
            List<String> problems =
                    e.violations().stream().map(ReferralPages::named).toList();
            return page(400, record, standing, sent, problems, null);
        } catch (ResolutionRefusedException e) {
            // The refusal is the service's; the words are the desk's, about the person, not a token.
            ReferralStanding now = onTheDesk(onRecord(decisionId));
            Refusal refusal = e.kind() == ResolutionRefusedException.Kind.FORBIDDEN
                    ? new Refusal(e.title(), tooLow(standing.requiredAuthority(), user) + " Nothing was recorded.")
                    : new Refusal(e.title(), e.getMessage() + " Nothing was changed.");
            int status = e.kind() == ResolutionRefusedException.Kind.FORBIDDEN ? 403 : 409;
            return page(status, record, now, sent, List.of(), refusal);
        } catch (IdempotencyConflictException e) {
            return page(422, record, standing, sent.withNewKey(), List.of(STALE_FORM), null);
        }
        // Post/Redirect/Get: the decision's page shows the resolution; reloading it resolves nothing.
        return Response.seeOther(URI.create("/console/decisions/" + decisionId + "#referral"))
                .build();
    }

    private static final String STALE_FORM =
            "Form: this form was already sent with other answers, or it is not one this console made; check the answers and send it again";

    /** Why the desk refused, as the page says it. */
    public record Refusal(String title, String detail) {}

    /**
     * Where a referral stands for the person reading it: its status, the authority it needs, its
     * resolution once it has one, and whether this person may resolve it (the role) and, if their
     * authority is too low, a sentence saying so. The refusal itself is {@link ReferralService}'s.
     */
    public record Desk(
            ReferralStatus status,
            AuthorityLevel requiredAuthority,
            Resolution resolution,
            boolean mayResolve,
            String authorityNote) {

        static Desk of(ReferralStanding standing, Underwriter user) {
            boolean role = user.has(Roles.REFERRALS_RESOLVE);
            Optional<AuthorityLevel> held = held(user);
            boolean enough = held.isPresent() && held.get().covers(standing.requiredAuthority());
            return new Desk(
                    standing.status(),
                    standing.requiredAuthority(),
                    standing.resolution().orElse(null),
                    role,
                    role && !enough ? tooLow(standing.requiredAuthority(), user) : null);
        }
    }

    private Response page(
            int status,
            DecisionRecord record,
            ReferralStanding standing,
            Form form,
            List<String> problems,
            Refusal refusal) {
        Chrome chrome = frame.of("referrals");
        Decision decision = record.decision();
        List<Reason> referred = decision.reasons().stream()
                .filter(reason -> reason.outcome() == ReasonOutcome.REFER)
                .toList();
        String html = resolve.data("page", chrome)
                .data("decision", decision)
                .data("waited", waited(decision.decidedAt(), Instant.now()))
                .data("desk", Desk.of(standing, chrome.user()))
                .data("held", chrome.user().authority().map(Enum::name).orElse(null))
                .data("referred", referred)
                .data("form", form)
                .data("problems", problems)
                .data("refusal", refusal)
                .data("maxRationale", ResolutionRequest.MAX_RATIONALE)
                .data("maxSubjectivities", ResolutionRequest.MAX_SUBJECTIVITIES)
                .data("maxSubjectivity", ResolutionRequest.MAX_SUBJECTIVITY)
                .render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .build();
    }

    /** The form as the API's body, so that the one reader judges it: blank lines are no subjectivities. */
    private byte[] body(Form form) {
        ObjectNode body = json.createObjectNode();
        if (!form.action().isBlank()) {
            body.put("action", form.action().strip());
        }
        body.put("rationale", form.rationale());
        List<String> lines = Arrays.stream(form.subjectivities().split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (!lines.isEmpty()) {
            ArrayNode list = body.putArray("subjectivities");
            lines.forEach(list::add);
        }
        try {
            return json.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings is always JSON", e);
        }
    }

    /** A violation in the form's words: its field's label, then the reader's message. */
    static String named(Violation violation) {
        String field = violation.field();
        String label;
        if (field.equals("action")) {
            label = "Approve or decline";
        } else if (field.equals("rationale")) {
            label = "Rationale";
        } else if (field.startsWith("subjectivities[")) {
            int index = Integer.parseInt(field.substring("subjectivities[".length(), field.indexOf(']')));
            label = "Subjectivity " + (index + 1);
        } else if (field.equals("subjectivities")) {
            label = "Subjectivities";
        } else {
            label = field.isEmpty() ? "The resolution" : field;
        }
        return label + ": " + violation.message();
    }

    static String tooLow(AuthorityLevel required, Underwriter user) {
        String holds =
                user.authority().map(level -> "you hold " + level.name()).orElse("you hold no underwriting authority");
        return "This referral needs " + required.name() + " or above to resolve; " + holds + ".";
    }

    private static Optional<AuthorityLevel> held(Underwriter user) {
        return user.authority().flatMap(level -> AuthorityLevel.named(level.name()));
    }

    private static Optional<String> formKey(String key) {
        try {
            return Optional.of(UUID.fromString(key.strip()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Row row(ReferralRecord item, Instant asOf, boolean yours) {
        return new Row(
                item.decisionId(),
                item.applicationId(),
                item.product(),
                item.decidedAt(),
                waited(item.decidedAt(), asOf),
                item.requiredAuthority(),
                item.reasons().stream()
                        .filter(reason -> reason.outcome() == ReasonOutcome.REFER)
                        .map(Reason::code)
                        .toList(),
                yours);
    }

    /** How long a referral has waited, to the minute, as a person says it: "3 d 4 h", "52 min". */
    static String waited(Instant decidedAt, Instant asOf) {
        Duration waited = Duration.between(decidedAt, asOf);
        if (waited.isNegative() || waited.toMinutes() < 1) {
            return "under a minute";
        }
        long days = waited.toDays();
        long hours = waited.toHoursPart();
        long minutes = waited.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }

    private DecisionRecord onRecord(String decisionId) {
        try {
            UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No decision has that id.");
        }
        return history.find(decisionId).orElseThrow(() -> unknown(decisionId));
    }

    /** A decision that is not a referral of the desk has nothing to resolve: said as the API says it (409). */
    private ReferralStanding onTheDesk(DecisionRecord record) {
        return referrals.standing(record).orElseThrow(() -> new NotOnTheDesk(record.decision()));
    }

    private static NotFoundException unknown(String decisionId) {
        return new NotFoundException("No decision " + decisionId + " is on record.");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A decision with nothing for the desk to resolve. */
    static final class NotOnTheDesk extends RuntimeException {
        final Decision decision;

        NotOnTheDesk(Decision decision) {
            super(null, null, false, false);
            this.decision = decision;
        }
    }

    @ServerExceptionMapper
    public Response notOnTheDesk(NotOnTheDesk e) {
        Decision decision = e.decision;
        String detail = decision.requiredAuthority() == null && decision.outcome() == Outcome.REFER
                ? "Decision " + decision.decisionId()
                        + " was referred before referrals carried a required authority, so it is not on the desk."
                : "Decision " + decision.decisionId() + " was decided " + decision.outcome()
                        + ": only a REFER is resolved by a person.";
        return errorPage(409, "Not a referral", detail + " Nothing was changed.");
    }

    @ServerExceptionMapper
    public Response unknownDecision(NotFoundException e) {
        return errorPage(404, "No such decision", e.getMessage());
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return Response.fromResponse(errorPage(
                        503,
                        "The decision store does not answer",
                        "Try again in a moment. A resolution just sent may or may not be on record: open its decision to see"
                                + " before sending it again."))
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo page) {
        return errors.forbidden("referrals", page);
    }

    private Response errorPage(int status, String title, String detail) {
        return errors.page(status, "referrals", title, detail);
    }
}
