package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.security.Underwriter;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The console's error pages, in its frame: a person who may not open a page, or a page the store
 * cannot answer, gets HTML saying so, not the API's problem document. Each page class maps its
 * own exceptions here (a resource's {@code @ServerExceptionMapper} applies to that class only),
 * so the API's paths keep their problem documents from rest.ProblemMappers.
 */
@ApplicationScoped
public class ConsoleErrors {

    private final ConsoleFrame frame;
    private final SecurityIdentity identity;
    private final Template error;

    public ConsoleErrors(
            ConsoleFrame frame, SecurityIdentity identity, @Location("console/error.html") Template error) {
        this.frame = frame;
        this.identity = identity;
        this.error = error;
    }

    /** 403: the page's roles, from its {@code @RolesAllowed}, beside the ones the person has. */
    public Response forbidden(String active, SimpleResourceInfo page) {
        Set<String> held = new TreeSet<>(Underwriter.of(identity).roles());
        return page(
                Response.Status.FORBIDDEN.getStatusCode(),
                active,
                "Not open to you",
                "This page needs the role " + String.join(" or ", needed(page)) + "; you have "
                        + (held.isEmpty() ? "none" : String.join(", ", held))
                        + ". Ask whoever runs the console for the role if your work needs it.");
    }

    private static Set<String> needed(SimpleResourceInfo page) {
        try {
            return new TreeSet<>(Nav.rolesOf(page.getResourceClass(), page.getMethodName()));
        } catch (IllegalStateException e) {
            // A page without its own @RolesAllowed cannot refuse anyone; say no more than that it did.
            return Set.of("it is given");
        }
    }

    /** 503, with the API's Retry-After: nothing was changed, and a retry soon may be answered. */
    public Response storeUnavailable(String active) {
        return Response.fromResponse(
                        page(
                                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                                active,
                                "The decision store does not answer",
                                "The decisions on record cannot be read right now; nothing was changed. Try again in a moment."))
                .header("Retry-After", "5")
                .build();
    }

    public Response page(int status, String active, String title, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("page", frame.of(active))
                        .data("title", title)
                        .data("detail", detail)
                        .render())
                .build();
    }
}
