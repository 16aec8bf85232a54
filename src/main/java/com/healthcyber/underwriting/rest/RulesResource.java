package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.ruleset.ReloadAttempt;
import com.healthcyber.underwriting.ruleset.RuleSetReloader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

@Path("/rules")
public class RulesResource {

    private final RuleEngine engine;
    private final RuleSetReloader reloader;

    public RulesResource(RuleEngine engine, RuleSetReloader reloader) {
        this.engine = engine;
        this.reloader = reloader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RuleSetView active() {
        RuleSet ruleSet = engine.active().orElseThrow(NoActiveRuleSetException::new);
        return new RuleSetView(ruleSet.version(), ruleSet.activatedAt(), reloader.directory().toAbsolutePath().toString(),
                ruleSet.rules().size(), ruleSet.rules(), reloader.lastAttempt().orElse(null));
    }

    /**
     * Reloads the server's own rules directory now. There is deliberately no way to send rules or
     * a path: DRL can run arbitrary code, so rules enter only through the directory.
     */
    @POST
    @Path("/reload")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response reload() {
        ReloadAttempt attempt = reloader.reload("api");
        if (!attempt.rejected()) {
            return Response.ok(attempt, MediaType.APPLICATION_JSON_TYPE).build();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Ruleset rejected");
        problem.put("status", 422);
        problem.put("detail", "The rules directory did not pass compilation, lint and scenarios; the previous ruleset keeps deciding.");
        problem.put("reload", attempt);
        return Response.status(422).type(Problem.PROBLEM_JSON).entity(problem).build();
    }
}
