package com.healthcyber.underwriting.console;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * CSRF protection of every state-changing console request: a signed double-submit token. The
 * browser holds a random value in an HttpOnly, SameSite=Strict cookie sent to /console only;
 * each form carries, in the field {@value #FIELD}, an HMAC of that value and the signed-in user's
 * name, which another site can neither read nor compute (nor reuse from its own session: it names
 * another user). A POST, PUT, PATCH or DELETE under /console must be a form carrying the right
 * token, or it gets 403 before its method runs.
 *
 * <p>Hand-written rather than quarkus-rest-csrf: that extension is not published for this
 * platform (3.27), and it makes tokens for an exact list of paths, or else on every GET of the
 * API too; the console's pages have ids in their paths and the API must not get cookies.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String FIELD = "csrf";
    static final String COOKIE = "console-csrf";
    private static final String PATH = "/console";
    private static final String NEW_VALUE = ConsoleCsrf.class.getName() + ".new";

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public ConsoleCsrf(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        // One key for all replicas when they share the session key; a random one per process otherwise.
        this.key = sessionKey
                .map(value -> ("csrf:" + value).getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    return bytes;
                });
    }

    /** The token a form of this page carries for {@code user}; sets the browser's cookie if it has none yet. */
    public String token(RoutingContext routing, String user) {
        return sign(browserValue(routing), user);
    }

    private String browserValue(RoutingContext routing) {
        String made = routing.get(NEW_VALUE);
        if (made != null) {
            return made;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return cookie.getValue();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        routing.put(NEW_VALUE, value);
        routing.response()
                .addCookie(Cookie.cookie(COOKIE, value)
                        .setPath(PATH)
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT)
                        .setSecure(routing.request().isSSL()));
        return value;
    }

    String sign(String browserValue, String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(browserValue.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    boolean valid(String browserValue, String user, String token) {
        if (browserValue == null || user == null || token == null) {
            return false;
        }
        byte[] expected = sign(browserValue, user).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Refuses an unsafe console request that is not a form with the right token. */
    @ServerRequestFilter
    @WithFormRead
    public Response verify(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if (!routing.normalizedPath().startsWith(PATH)
                || method.equals("GET")
                || method.equals("HEAD")
                || method.equals("OPTIONS")) {
            return null;
        }
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return refused();
        }
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(FIELD, true, false);
        Cookie cookie = routing.request().getCookie(COOKIE);
        // The endpoint's role check has run (security checks precede request filters): the identity is known.
        String user = routing.user() instanceof QuarkusHttpUser signedIn
                        && !signedIn.getSecurityIdentity().isAnonymous()
                ? signedIn.getSecurityIdentity().getPrincipal().getName()
                : null;
        return valid(cookie == null ? null : cookie.getValue(), user, field == null ? null : field.toString())
                ? null
                : refused();
    }

    private static Response refused() {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(
                        "Refused: this form was not sent from a console page of this session (missing or wrong CSRF token)."
                                + " Reload the page and send it again.")
                .build();
    }
}
