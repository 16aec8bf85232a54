package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Resolution;
import com.healthcyber.underwriting.application.ResolutionRequest;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.decision.DecisionHistory;
import com.healthcyber.underwriting.decision.DecisionRequest;
import com.healthcyber.underwriting.decision.DecisionService;
import com.healthcyber.underwriting.decision.ReferralService;
import com.healthcyber.underwriting.decision.Replay;
import com.healthcyber.underwriting.decision.ResolutionCommand;
import com.healthcyber.underwriting.decision.Resolved;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.UnderwriterAuthority;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/decisions")
@Tag(name = "Decisions")
public class DecisionResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final int MAX_PAGE_SIZE = 200;

    private final DecisionService decisions;
    private final DecisionHistory history;
    private final IntakeThreads intake;
    private final ReferralService referrals;
    private final Validator validator;

    public DecisionResource(
            DecisionService decisions,
            DecisionHistory history,
            IntakeThreads intake,
            ReferralService referrals,
            Validator validator) {
        this.decisions = decisions;
        this.history = history;
        this.intake = intake;
        this.referrals = referrals;
        this.validator = validator;
    }

    /** The body is read by the service rather than the framework so that every violation is reported at once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "decide",
            summary = "Decide an application",
            description =
                    "Runs the application through the active ruleset and answers ACCEPT, REFER or DECLINE with every reason "
                            + "that applied. The decision is on record before the answer is sent. With an Idempotency-Key, a retry of "
                            + "the same request gets the original decision back (header Idempotent-Replayed: true) and adds no record.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Application.class)))
    @APIResponse(
            responseCode = "200",
            description = "The decision, on record",
            headers =
                    @Header(
                            name = IDEMPOTENT_REPLAYED,
                            description =
                                    "true when this is the original decision of an earlier request with the same Idempotency-Key",
                            schema = @Schema(implementation = Boolean.class)),
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    @ProblemAnswer(
            status = 400,
            description = "Not a well-formed application, or a malformed Idempotency-Key: every violation is listed")
    @ProblemAnswer(status = 413, description = "The body is larger than the service accepts")
    @ProblemAnswer(status = 415, description = "The body is not application/json")
    @ProblemAnswer(status = 422, description = "The Idempotency-Key was already used for a different request")
    @ProblemAnswer(
            status = 503,
            description =
                    "No decision is given (header Retry-After). Title \"No ruleset active\": no valid ruleset yet. "
                            + "Title \"Decision store unavailable\": the decision is not on record; retry. Title \"Decision outcome unknown\": the store took "
                            + "the record but did not confirm it in time, so it may be on record; retry with the same Idempotency-Key to get the recorded "
                            + "decision (Idempotent-Replayed: true) or, if none was recorded, a new one; without a key, search GET /decisions?applicationId= first")
    @RolesAllowed(Roles.DECISIONS_WRITE)
    public CompletionStage<Response> decide(
            @Parameter(
                            name = IDEMPOTENCY_KEY,
                            in = ParameterIn.HEADER,
                            description =
                                    "A key unique to this request (e.g. a UUID) that makes retries safe: 1 to 255 visible ASCII characters")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @Context HttpHeaders headers,
            @Context SecurityContext caller,
            @Context RoutingContext routing,
            byte[] body) {
        requireJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        RequestParameters parameters = new RequestParameters(validator);
        Optional<String> key = parameters.idempotencyKey(idempotencyKey);
        parameters.throwIfInvalid();
        int length = body == null ? 0 : body.length;
        if (ProblemOnlyClients.acceptsOnlyProblems(routing)) {
            // Its bad input is a 400 as for anyone; a valid application is not decided.
            return intake.<Response>run(length, () -> {
                decisions.read(body);
                throw ProblemOnlyClients.notAcceptable();
            });
        }
        // Reading and deciding are CPU work on the event loop (a large body on a worker), and the
        // wait for the record's commit holds no thread: IntakeThreads says where each part runs.
        DecisionRequest request =
                new DecisionRequest(body, caller.getUserPrincipal().getName(), key);
        return intake.run(length, answerOn -> decisions.decide(request, answerOn))
                .thenApply(decided -> {
                    Response.ResponseBuilder response =
                            Response.ok(decided.decision(), MediaType.APPLICATION_JSON_TYPE);
                    if (decided.repeated()) {
                        response.header(IDEMPOTENT_REPLAYED, "true");
                    }
                    return response.build();
                });
    }

    /**
     * The contract is application/json. JAX-RS matches a missing Content-Type, or {@code *}/{@code *},
     * to {@code @Consumes(application/json)} and the body was decided; it is refused instead, so
     * a client sending something else finds out rather than having it read as JSON.
     */
    private static void requireJson(String contentType) {
        MediaType type = null;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            // malformed: refused below like a missing one
        }
        if (type == null
                || !type.getType().equalsIgnoreCase("application")
                || !type.getSubtype().equalsIgnoreCase("json")) {
            throw new NotSupportedException("The body must be sent as Content-Type: application/json.");
        }
    }

    @GET
    @Path("/{decisionId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getDecision",
            summary = "A decision on record",
            description =
                    "What was asked (the request exactly as received), what was answered, and by which ruleset, Drools and service version; "
                            + "on a referral, where it stands on the referral desk (`referral`: status, required authority, the resolution once there is one).")
    @APIResponse(
            responseCode = "200",
            description = "The record",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecisionRecordView.class)))
    @ProblemAnswer(status = 400, description = "The id is not a decision id (a UUID)")
    @ProblemAnswer(status = 404, description = "No decision with this id")
    @ProblemAnswer(status = 503, description = "The decision store cannot be read right now")
    @RolesAllowed(Roles.DECISIONS_READ)
    public DecisionRecordView find(@PathParam("decisionId") String decisionId) {
        validDecisionId(decisionId);
        DecisionRecord record = history.find(decisionId).orElseThrow(() -> unknown(decisionId));
        return DecisionRecordView.of(record, referrals.standing(record));
    }

    @POST
    @Path("/{decisionId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Referrals")
    @Operation(
            operationId = "resolveReferral",
            summary = "Resolve a referral",
            description =
                    "An underwriter approves (final outcome ACCEPT) or declines a referred decision, with a rationale. Needs the "
                            + "role referrals:resolve and a uw_authority claim (UNDERWRITER, SENIOR_UNDERWRITER or UNDERWRITING_MANAGER) at "
                            + "least as high as the decision's requiredAuthority; the resolver's name is the token's. A referral is resolved "
                            + "once: the resolution is on record before the answer, beside the automated decision, which is never changed. "
                            + "With an Idempotency-Key, a retry of the same resolution gets it back (header Idempotent-Replayed: true).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ResolutionRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The resolution, on record",
            headers =
                    @Header(
                            name = IDEMPOTENT_REPLAYED,
                            description =
                                    "true when this is the resolution an earlier request with the same Idempotency-Key recorded",
                            schema = @Schema(implementation = Boolean.class)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Resolution.class)))
    @ProblemAnswer(
            status = 400,
            description = "Not a well-formed resolution, a malformed id or Idempotency-Key: every violation is listed")
    @ProblemAnswer(
            status = 403,
            description =
                    "The token lacks the role, holds no known uw_authority, or one below the referral's: the detail names "
                            + "the level required")
    @ProblemAnswer(status = 404, description = "No decision with this id")
    @ProblemAnswer(
            status = 409,
            description = "The decision is not a referral, or it is resolved already (a resolution is final)")
    @ProblemAnswer(status = 413, description = "The body is larger than the service accepts")
    @ProblemAnswer(status = 415, description = "The body is not application/json")
    @ProblemAnswer(status = 422, description = "The Idempotency-Key was already used for a different resolution")
    @ProblemAnswer(
            status = 503,
            description =
                    "Nothing is resolved (header Retry-After). Title \"Resolution not recorded\": it is not on record; retry. "
                            + "Title \"Resolution outcome unknown\": the store did not confirm it, so it may be on record; retry with the "
                            + "same Idempotency-Key, or read the decision (GET /decisions/{id}) to see")
    @RolesAllowed(Roles.REFERRALS_RESOLVE)
    public Response resolve(
            @PathParam("decisionId") String decisionId,
            @Parameter(
                            name = IDEMPOTENCY_KEY,
                            in = ParameterIn.HEADER,
                            description =
                                    "A key unique to this resolution (e.g. a UUID) that makes retries safe: 1 to 255 visible ASCII characters")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @Context HttpHeaders headers,
            @Context SecurityContext caller,
            byte[] body) {
        requireJson(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        RequestParameters parameters = new RequestParameters(validator);
        parameters.decisionId(decisionId);
        Optional<String> key = parameters.idempotencyKey(idempotencyKey);
        parameters.throwIfInvalid();
        Principal resolver = caller.getUserPrincipal();
        Resolved resolved = referrals
                .resolve(new ResolutionCommand(
                        decisionId, body, resolver.getName(), UnderwriterAuthority.of(resolver), key))
                .orElseThrow(() -> unknown(decisionId));
        Response.ResponseBuilder response = Response.ok(resolved.resolution(), MediaType.APPLICATION_JSON_TYPE);
        if (resolved.repeated()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "searchDecisions",
            summary = "Search decisions on record",
            description = "Every filter is optional; newest first; follow `next` for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page of decisions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecisionPage.class)))
    @ProblemAnswer(status = 400, description = "A filter is malformed: every violation is listed")
    @ProblemAnswer(status = 503, description = "The decision store cannot be read right now")
    @RolesAllowed(Roles.DECISIONS_READ)
    public DecisionPage search(@BeanParam DecisionQuery query) {
        new RequestParameters(validator).check(query).throwIfInvalid();
        DecisionHistory.Page page = history.search(query.search());
        return new DecisionPage(
                page.items(), page.next().map(DecisionPage::cursor).orElse(null));
    }

    @POST
    @Path("/{decisionId}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replayDecision",
            summary = "Replay a decision on the active rules",
            description =
                    "Evaluates the stored request on the live rules of the guideline version in force for its own effective date and "
                            + "transaction type, and shows the stored and the new result side by side. Writes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Stored and replayed results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replay.class)))
    @ProblemAnswer(status = 400, description = "The id is not a decision id (a UUID)")
    @ProblemAnswer(status = 404, description = "No decision with this id")
    @ProblemAnswer(status = 422, description = "The stored request is not a valid application under today's contract")
    @ProblemAnswer(status = 503, description = "No ruleset is active, or the decision store cannot be read right now")
    @RolesAllowed(Roles.DECISIONS_READ)
    public Replay replay(@PathParam("decisionId") String decisionId) {
        validDecisionId(decisionId);
        return history.replay(decisionId).orElseThrow(() -> unknown(decisionId));
    }

    private void validDecisionId(String decisionId) {
        RequestParameters parameters = new RequestParameters(validator);
        parameters.decisionId(decisionId);
        parameters.throwIfInvalid();
    }

    /** Only ever a well-formed id (checked first), so the detail cannot carry what the caller sent otherwise. */
    private static NotFoundException unknown(String decisionId) {
        return new NotFoundException("No decision " + decisionId + " is on record.");
    }
}
