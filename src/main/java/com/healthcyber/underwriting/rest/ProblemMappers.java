package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.audit.RecordNotStoredException;
import com.healthcyber.underwriting.audit.RecordOutcomeUnknownException;
import com.healthcyber.underwriting.audit.ResolutionNotStoredException;
import com.healthcyber.underwriting.audit.ResolutionOutcomeUnknownException;
import com.healthcyber.underwriting.audit.StoreOutageLog;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.decision.IdempotencyConflictException;
import com.healthcyber.underwriting.decision.ResolutionRefusedException;
import com.healthcyber.underwriting.decision.StoredRequestInvalidException;
import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.engine.RuleEvaluationException;
import com.healthcyber.underwriting.impact.CandidateNotFoundException;
import com.healthcyber.underwriting.impact.CandidateRulesInvalidException;
import com.healthcyber.underwriting.impact.UnknownGuidelineVersionException;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import com.healthcyber.underwriting.intake.InvalidResolutionException;
import com.healthcyber.underwriting.intake.Violation;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a problem document. Client errors say what to fix; server errors say
 * nothing about the request or the code, only an incident id that is also in the log.
 */
public class ProblemMappers {

    private final StoreOutageLog outage;

    public ProblemMappers(StoreOutageLog outage) {
        this.outage = outage;
    }

    @ServerExceptionMapper
    public Response invalidApplication(InvalidApplicationException e) {
        return new Problem(
                        "about:blank",
                        "Invalid application",
                        400,
                        "The request is not a well-formed application; it was not decided.",
                        e.violations())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidResolution(InvalidResolutionException e) {
        return new Problem(
                        "about:blank",
                        "Invalid resolution",
                        400,
                        "The request is not a well-formed resolution; nothing was resolved.",
                        e.violations())
                .toResponse();
    }

    /** Not the caller's referral to resolve (403), or no open referral to resolve (409); the detail says which and why. */
    @ServerExceptionMapper
    public Response resolutionRefused(ResolutionRefusedException e) {
        Response.Status status = e.kind() == ResolutionRefusedException.Kind.FORBIDDEN
                ? Response.Status.FORBIDDEN
                : Response.Status.CONFLICT;
        return Problem.of(status, e.title(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response resolutionNotRecorded(ResolutionNotStoredException e) {
        return unavailable(
                e,
                "Resolution not recorded",
                "The resolution could not be recorded, so the referral is not resolved; retry shortly.");
    }

    @ServerExceptionMapper
    public Response resolutionOutcomeUnknown(ResolutionOutcomeUnknownException e) {
        return unavailable(
                e,
                "Resolution outcome unknown",
                "The decision store did not confirm the resolution in time, so it may be on record. "
                        + (e.keyed()
                                ? "Retry with the same Idempotency-Key: you get the recorded resolution if there is one."
                                : "Read the decision (GET /decisions/{id}): its referral shows the resolution if it was recorded."));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return new Problem(
                        "about:blank",
                        "Invalid request",
                        400,
                        "A parameter or header is not what this endpoint accepts.",
                        e.violations())
                .toResponse();
    }

    /** The client retried under a key it had used for something else: its bug, and the original stands. */
    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e) {
        return new Problem(
                        "about:blank",
                        "Idempotency-Key reused",
                        422,
                        "This Idempotency-Key was already used for a different request (decision "
                                + e.originalDecisionId() + "); use a new key for a new request.",
                        null)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response storedRequestInvalid(StoredRequestInvalidException e) {
        return new Problem(
                        "about:blank",
                        "Stored request cannot be replayed",
                        422,
                        "The stored request is not a valid application under today's contract.",
                        e.violations())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response candidateNotFound(CandidateNotFoundException e) {
        return Problem.of(
                        Response.Status.NOT_FOUND,
                        "Unknown candidate",
                        e.getMessage() + " under the candidates directory.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unknownGuideline(UnknownGuidelineVersionException e) {
        return Problem.of(Response.Status.NOT_FOUND, "Unknown guideline version", e.getMessage() + ".")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response candidateInvalid(CandidateRulesInvalidException e) {
        List<Violation> problems = e.problems().stream()
                .map(problem -> new Violation(
                        problem.file() == null ? "(ruleset)" : problem.file() + ":" + problem.line(),
                        (problem.rule() == null ? "" : "rule \"" + problem.rule() + "\": ") + problem.message()))
                .toList();
        return new Problem("about:blank", "Candidate rules do not compile", 422, e.getMessage(), problems).toResponse();
    }

    /**
     * Fail closed: without its record a decision is not given. The cause is logged (aggregated:
     * an outage refuses thousands of requests a second), not sent; the service recovers by itself
     * when the store is back, so the caller retries.
     */
    @ServerExceptionMapper
    public Response notRecorded(RecordNotStoredException e) {
        return unavailable(
                e,
                "Decision store unavailable",
                "The decision could not be recorded, so none is given; retry shortly with the same Idempotency-Key.");
    }

    /**
     * The record was sent but its commit was not confirmed: saying "not recorded" could contradict
     * the record, so the caller is told how to find out.
     */
    @ServerExceptionMapper
    public Response outcomeUnknown(RecordOutcomeUnknownException e) {
        return unavailable(
                e,
                "Decision outcome unknown",
                e.keyed()
                        ? "The decision store did not confirm the record in time, so no decision is given, but it may be on record. "
                                + "Retry with the same Idempotency-Key: you get the recorded decision (Idempotent-Replayed: true) if there is one, "
                                + "else a new decision."
                        : "The decision store did not confirm the record in time, so no decision is given, but it may be on record. "
                                + "The request had no Idempotency-Key, so a retry may record a second decision: search GET /decisions?applicationId= "
                                + "for this application first, and send an Idempotency-Key with every request to make retries safe.");
    }

    /** Reads (record, search, replay, impact) change nothing; they only failed. */
    @ServerExceptionMapper
    public Response storeUnreadable(StoreUnavailableException e) {
        return unavailable(
                e,
                "Decision store unavailable",
                "The decision store could not be read; nothing was changed. Retry shortly.");
    }

    private Response unavailable(StoreUnavailableException e, String title, String detail) {
        outage.refused(e);
        return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, title, detail)
                        .toResponse())
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        // Messages from the HTTP layer name the method, path or media type at fault, never application data.
        return Problem.of(status, status.getReasonPhrase(), e.getMessage()).toResponse();
    }

    /** Missing, malformed, forged, expired or foreign tokens all look the same from outside. */
    @ServerExceptionMapper({
        AuthenticationFailedException.class,
        UnauthorizedException.class,
        AuthenticationCompletionException.class
    })
    public Uni<Response> unauthenticated(RoutingContext routing) {
        if (routing.normalizedPath().startsWith("/console")) {
            return consoleChallenge(routing);
        }
        return Uni.createFrom()
                .item(Response.fromResponse(Problem.of(
                                        Response.Status.UNAUTHORIZED,
                                        "Unauthorized",
                                        "A valid bearer token is required.")
                                .toResponse())
                        .header("WWW-Authenticate", "Bearer")
                        .build());
    }

    /**
     * The console's people are sent to sign in, as its mechanism says (the sign-in form, or the
     * identity provider): the path chooses the mechanism, and so its challenge.
     */
    private static Uni<Response> consoleChallenge(RoutingContext routing) {
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        return authenticator.getChallenge(routing).map(challenge -> {
            Response.ResponseBuilder response = Response.status(challenge.status);
            if (challenge.headerName != null) {
                response.header(challenge.headerName.toString(), challenge.headerContent);
            }
            return response.build();
        });
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return Problem.of(Response.Status.FORBIDDEN, "Forbidden", "The token's roles do not allow this request.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response noRuleSet(NoActiveRuleSetException e) {
        return Response.fromResponse(Problem.of(
                                Response.Status.SERVICE_UNAVAILABLE,
                                "No ruleset active",
                                "The service has no valid ruleset to decide with; retry later.")
                        .toResponse())
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response ruleFailure(RuleEvaluationException e) {
        return incident(e, "The rules failed on this application");
    }

    /**
     * Bugs are logged in full at ERROR with an incident id, so they are seen, not hidden; the
     * caller gets only the id, never a stack trace or the application's contents.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return incident(e, "Internal error");
    }

    private static Response incident(RuntimeException e, String title) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "incident %s: %s", incident, title);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, title, "Incident " + incident + " has been logged.")
                .toResponse();
    }
}
