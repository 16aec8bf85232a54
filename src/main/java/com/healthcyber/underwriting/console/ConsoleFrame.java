package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.security.Underwriter;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the {@link Chrome} of a page for the person signed in. */
@ApplicationScoped
public class ConsoleFrame {

    private final ConsoleCsrf csrf;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public ConsoleFrame(ConsoleCsrf csrf, SecurityIdentity identity, CurrentVertxRequest request) {
        this.csrf = csrf;
        this.identity = identity;
        this.request = request;
    }

    /** The frame of the page being answered now. */
    public Chrome of(String active) {
        Underwriter user = Underwriter.of(identity);
        return new Chrome(user, csrf.token(request.getCurrent(), user.name()), active, Nav.forUser(user));
    }
}
