package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The console's front door: where it starts, signing in and out. */
@Path("/console")
public class ConsoleResource {

    private final Template login;
    private final boolean localSignIn;

    public ConsoleResource(@Location("console/login.html") Template login, UnderwritingConfig config) {
        this.login = login;
        this.localSignIn = config.console().signIn().equals("form");
    }

    @GET
    @PermitAll
    public Response start() {
        return Response.seeOther(URI.create("/console/decisions")).build();
    }

    /** The sign-in form; it posts to the form mechanism's {@code /console/j_security_check}. */
    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    @PermitAll
    public TemplateInstance login(@QueryParam("failed") String failed, @QueryParam("signedOut") String signedOut) {
        return login.data("failed", failed != null)
                .data("signedOut", signedOut != null)
                .data("localSignIn", localSignIn);
    }

    /** Ends the session: the form mechanism's cookie is cleared, or the identity provider is asked to sign out. */
    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response logout(@jakarta.ws.rs.core.Context RoutingContext routing) {
        if (!localSignIn) {
            return Response.seeOther(URI.create("/console/oidc-logout")).build();
        }
        FormAuthenticationMechanism.logout(routing);
        return Response.seeOther(URI.create("/console/login?signedOut=true")).build();
    }
}
