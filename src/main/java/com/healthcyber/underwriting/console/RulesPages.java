package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.engine.RuleDefinition;
import com.healthcyber.underwriting.ruleset.ActiveRules;
import com.healthcyber.underwriting.ruleset.ReloadTrigger;
import com.healthcyber.underwriting.ruleset.RulesService;
import com.healthcyber.underwriting.ruleset.ScenarioStatus;
import com.healthcyber.underwriting.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The rules deciding now: version, catalogue, the reload history with every refused attempt and
 * its file:line problems or failing scenarios, and the worked examples with their last result.
 * Read-only but for "reload now", which re-reads the server's own directory as {@code POST
 * /rules/reload} does: rules change in files and through review, never by upload.
 */
@Path("/console/rules")
public class RulesPages {

    private final RulesService rules;
    private final ConsoleFrame frame;
    private final ConsoleErrors errors;
    private final Template page;

    public RulesPages(
            RulesService rules,
            ConsoleFrame frame,
            ConsoleErrors errors,
            @Location("console/rules.html") Template page) {
        this.rules = rules;
        this.frame = frame;
        this.errors = errors;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance rules() {
        ActiveRules active = rules.active();
        // One catalogue over every version, each rule's file named from the rules directory (v2/common/…).
        List<RuleDefinition> catalogue = active.guidelines().stream()
                .flatMap(version -> version.rules().stream()
                        .map(rule -> new RuleDefinition(
                                rule.code(),
                                rule.name(),
                                version.guideline().version() + "/" + rule.file(),
                                rule.line(),
                                rule.description(),
                                rule.kind(),
                                rule.authority(),
                                rule.fingerprint())))
                .sorted(Comparator.comparing(RuleDefinition::file).thenComparingInt(RuleDefinition::line))
                .toList();
        List<ScenarioStatus> scenarios = rules.scenarios();
        Chrome chrome = frame.of("rules");
        return page.data("page", chrome)
                .data("active", active)
                .data("catalogue", catalogue)
                .data("attempts", active.recentReloads())
                .data("scenarios", scenarios)
                .data(
                        "failedScenarios",
                        scenarios.stream()
                                .filter(s -> s.result() == ScenarioStatus.Result.FAILED)
                                .count())
                .data(
                        "mayReload",
                        Nav.rolesOf(RulesPages.class, "reload").stream().anyMatch(chrome.user()::has));
    }

    /** Re-reads the rules directory now, then shows the rules page with the attempt on top. */
    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.RULES_ADMIN)
    public Response reload() {
        rules.reload(ReloadTrigger.CONSOLE);
        return Response.seeOther(URI.create("/console/rules#reloads")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo page) {
        return errors.forbidden("rules", page);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return errors.storeUnavailable("rules");
    }
}
