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
    private final Template signingOut;
    private final boolean localSignIn;

    public ConsoleResource(
            @Location("console/login.html") Template login,
            @Location("console/signing-out.html") Template signingOut,
            UnderwritingConfig config) {
        this.login = login;
        this.signingOut = signingOut;
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

    /**
     * The identity provider's way back (quarkus.oidc.authentication.redirect-path). Authentication
     * is lazy here (quarkus.http.auth.proactive=false), so the code is redeemed only on a path that
     * asks for an identity: without this, the provider's redirect ended in a 404 and nobody could
     * sign in. The code flow then sends the browser on to the page it first asked for; this answer
     * is for a visit without one.
     */
    @GET
    @Path("/signed-in")
    @Authenticated
    public Response signedIn() {
        return Response.seeOther(URI.create("/console")).build();
    }

    /**
     * Where sign-out sends a person signed in through the identity provider
     * (quarkus.oidc.logout.path): the code flow ends the session and sends them on to the
     * provider's end-session endpoint, but only on a path that asks for an identity, as on the way
     * in. Reached itself only when no provider is configured.
     */
    @GET
    @Path("/oidc-logout")
    @Authenticated
    public Response signedOutAtTheProvider() {
        return Response.seeOther(URI.create("/console/login?signedOut=true")).build();
    }

    /** Ends the session: the form mechanism's cookie is cleared, or the identity provider is asked to sign out. */
    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response logout(@jakarta.ws.rs.core.Context RoutingContext routing) {
        if (!localSignIn) {
            // Not a redirect: the pages' CSP (form-action 'self') holds for a form's redirects too,
            // so a browser would refuse the hop on to the provider's end-session endpoint. A page
            // that moves on by itself is a navigation of its own.
            return Response.ok(signingOut.instance())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        }
        FormAuthenticationMechanism.logout(routing);
        return Response.seeOther(URI.create("/console/login?signedOut=true")).build();
    }
}
