package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared length is over the limit before a byte of it is read, with a
 * problem document. A body without a declared length (chunked) is read here, up to the limit,
 * by Vert.x' body handler: past the limit it fails the request with 413, which
 * {@link HttpFailures} answers with a problem; within it, RESTEasy takes the body already read.
 * (Left to RESTEasy, such a body was cut off with a bare, empty 413.) Every body also has a
 * deadline ({@code underwriting.http.body-timeout}): the idle timeout restarts with each byte,
 * so only a deadline stops a body trickled in for hours. It costs one event-loop timer per
 * request with a body, cancelled when the answer is sent.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;
    private final BodyHandler undeclaredLength;
    private final Duration bodyTimeout;

    public BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, UnderwritingConfig config) {
        this.limit = limit.asLongValue();
        this.bodyTimeout = config.http().bodyTimeout();
        this.undeclaredLength = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
    }

    void refuseOversizedBodies(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        if (declared != null && isOver(declared)) {
            HttpFailures.end(
                    context, 413, "Request body too large", "The body may hold at most " + limit + " bytes.", true);
            return;
        }
        boolean chunked = declared == null && context.request().headers().contains("Transfer-Encoding");
        if (!context.request().isEnded() && (chunked || declared != null)) {
            deadline(context);
        }
        if (chunked) {
            undeclaredLength.handle(context); // goes on to the next handler once the whole body is read
            return;
        }
        context.next();
    }

    /** A body still arriving when the deadline passes is refused (408) and its connection closed. */
    private void deadline(RoutingContext context) {
        long timer = context.vertx().setTimer(bodyTimeout.toMillis(), fired -> {
            if (!context.request().isEnded() && !context.response().headWritten()) {
                HttpFailures.end(
                        context,
                        408,
                        "Request Timeout",
                        "The body did not arrive within " + bodyTimeout.toSeconds() + " s.",
                        true);
            }
        });
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    private boolean isOver(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer rejects a malformed length itself
        }
    }
}
