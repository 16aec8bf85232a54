package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import com.healthcyber.underwriting.engine.RuleEvaluationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a problem document. Client errors say what to fix; server errors say
 * nothing about the request or the code, only an incident id that is also in the log.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidApplication(InvalidApplicationException e) {
        return new Problem("about:blank", "Invalid application", 400,
                "The request is not a well-formed application; it was not decided.", e.violations()).toResponse();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        // Messages from the HTTP layer name the method, path or media type at fault, never application data.
        return Problem.of(status, status.getReasonPhrase(), e.getMessage()).toResponse();
    }

    /** Missing, malformed, forged, expired or foreign tokens all look the same from outside. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated() {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "Unauthorized",
                "A valid bearer token is required.").toResponse()).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return Problem.of(Response.Status.FORBIDDEN, "Forbidden", "The token's roles do not allow this request.").toResponse();
    }

    @ServerExceptionMapper
    public Response noRuleSet(NoActiveRuleSetException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "No ruleset active",
                "The service has no valid ruleset to decide with; retry later.").toResponse();
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
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, title, "Incident " + incident + " has been logged.").toResponse();
    }
}
