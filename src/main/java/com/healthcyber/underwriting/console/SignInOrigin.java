package com.healthcyber.underwriting.console;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * CSRF protection of the sign-in form, which the form mechanism answers below JAX-RS (so
 * {@link ConsoleCsrf} never sees it): a sign-in posted from another site is refused, judged by
 * the browser's own {@code Sec-Fetch-Site} and {@code Origin} headers (OWASP's "verifying origin
 * with standard headers"). Another site could otherwise sign a victim's browser into the
 * attacker's account. A client that sends neither header (curl, the bench) is not a browser
 * another site can drive. A browser too old to send {@code Sec-Fetch-Site} sends {@code Origin:
 * null} here (the pages' referrer policy) and is refused: the safe side.
 */
@ApplicationScoped
public class SignInOrigin {

    static final String SIGN_IN = "/console/j_security_check";

    void install(@Observes Router router) {
        // Before the authentication handler, which would otherwise read the form and sign in.
        router.post(SIGN_IN).order(Integer.MIN_VALUE + 100).handler(this::check);
    }

    void check(RoutingContext routing) {
        if (crossSite(routing.request())) {
            routing.response()
                    .setStatusCode(403)
                    .putHeader("Content-Type", "text/plain;charset=UTF-8")
                    .end("Refused: a sign-in must be sent from this console's own sign-in page.");
            return;
        }
        routing.next();
    }

    static boolean crossSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            // The browser's own word, which no page can set; it wins over Origin, which the
            // console's Referrer-Policy: no-referrer turns into "null" on every form post.
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            URI from = URI.create(origin);
            String authority = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
            return host == null || from.getHost() == null || !authority.equalsIgnoreCase(stripDefaultPort(host, from));
        } catch (IllegalArgumentException e) {
            return true; // "null" or garbage: not this console's page
        }
    }

    /** A Host of {@code example.com:443} for an https origin is {@code example.com}, as the origin writes it. */
    private static String stripDefaultPort(String host, URI origin) {
        if (("https".equals(origin.getScheme()) && host.endsWith(":443"))
                || ("http".equals(origin.getScheme()) && host.endsWith(":80"))) {
            return host.substring(0, host.lastIndexOf(':'));
        }
        return host;
    }
}
