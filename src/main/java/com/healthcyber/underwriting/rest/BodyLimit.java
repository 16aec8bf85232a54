package com.healthcyber.underwriting.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over the limit before a byte of it is read, with a
 * problem document. A body without a declared length (chunked) is read here, up to the limit,
 * by Vert.x' body handler: past the limit it fails the request with 413, which
 * {@link HttpFailures} answers with a problem; within it, RESTEasy takes the body already read.
 * (Left to RESTEasy, such a body was cut off with a bare, empty 413.)
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final String problem;
    private final BodyHandler undeclaredLength;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
        this.problem = "{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,"
                + "\"detail\":\"The body may hold at most " + this.limit + " bytes.\"}";
        this.undeclaredLength = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
    }

    void refuseOversizedBodies(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && isOver(declared)) {
            context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close").end(problem);
            return;
        }
        if (declared == null && context.request().headers().contains("Transfer-Encoding")) {
            undeclaredLength.handle(context); // goes on to the next handler once the whole body is read
            return;
        }
        context.next();
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer rejects a malformed length itself
        }
    }
}
