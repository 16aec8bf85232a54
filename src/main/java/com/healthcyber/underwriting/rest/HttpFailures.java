package com.healthcyber.underwriting.rest;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;

/**
 * Failures raised by the HTTP router before a request reaches a resource (a request without
 * {@code Host}, a body that outgrows the limit while it is read) get a problem document like
 * every other error, instead of Quarkus' default page (which put the exception's text in
 * {@code details} and {@code stack}, and logged an ERROR line for each such client mistake).
 * A client's failure is not logged; anything else is logged once with an incident id, as
 * {@link ProblemMappers} does.
 */
@ApplicationScoped
public class HttpFailures {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        if (context.failure() instanceof AuthenticationException
                && context.normalizedPath().startsWith("/console")) {
            // The console's form sign-in failing: Quarkus' security answers it (back to the sign-in page).
            context.next();
            return;
        }
        if (context.response().headWritten()) {
            context.response().close(); // half an answer is sent: closing tells the client it is incomplete
            return;
        }
        int status = context.statusCode() >= 400
                ? context.statusCode()
                // Failing while its body is still arriving is the request's framing (a bad chunk size), not a bug.
                : context.request().isEnded() ? 500 : 400;
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        String detail;
        if (status < 500) {
            detail = switch (status) {
                case 400 ->
                    "The request is not well-formed HTTP (for example, it has no Host header, or its chunks are malformed).";
                case 413 -> "The body is larger than this service accepts.";
                default -> "The request was refused by the HTTP layer.";
            };
        } else {
            String incident = UUID.randomUUID().toString();
            Log.errorf(context.failure(), "incident %s: HTTP failure %d", incident, status);
            detail = "Incident " + incident + " has been logged.";
        }
        // The rest of a malformed or oversized stream cannot be trusted, or is not wanted.
        end(context, status, title, detail, status == 400 || status == 413);
    }

    /**
     * Answers with a problem document from below JAX-RS, where {@link ProblemMappers} cannot: the
     * router's own failures and the body limit's refusals.
     */
    static void end(RoutingContext context, int status, String title, String detail, boolean closeConnection) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (closeConnection) {
            context.response().putHeader("Connection", "close");
        }
        context.response().end(problem.encode());
    }
}
