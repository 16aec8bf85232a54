package com.healthcyber.underwriting.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over the limit before a byte of it is read, with a
 * problem document. (A chunked body that grows past the limit is cut off by the HTTP layer
 * itself, with a bare 413.)
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final String problem;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
        this.problem = "{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,"
                + "\"detail\":\"The body may hold at most " + this.limit + " bytes.\"}";
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
