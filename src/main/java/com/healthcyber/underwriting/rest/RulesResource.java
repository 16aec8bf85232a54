package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.ruleset.ActiveRules;
import com.healthcyber.underwriting.ruleset.ReloadAttempt;
import com.healthcyber.underwriting.ruleset.ReloadTrigger;
import com.healthcyber.underwriting.ruleset.RulesService;
import com.healthcyber.underwriting.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rules")
@Tag(name = "Rules")
public class RulesResource {

    private final RulesService rules;
    private final int maxImpactDecisions;
    private final Validator validator;

    public RulesResource(RulesService rules, UnderwritingConfig config, Validator validator) {
        this.rules = rules;
        this.maxImpactDecisions = config.impact().maxDecisions();
        this.validator = validator;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getActiveRuleSet",
            summary = "The guideline versions deciding now",
            description =
                    "Each guideline version with its windows, ruleset fingerprint, activation time, every rule and what the last "
                            + "reload did to it; the last reload attempt (`lastReload`) and the latest attempts, newest first "
                            + "(`recentReloads`, at most underwriting.rules.reload-history).")
    @APIResponse(
            responseCode = "200",
            description = "The guideline versions deciding now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RuleSetView.class)))
    @ProblemAnswer(status = 503, description = "No valid ruleset is active yet")
    @RolesAllowed(Roles.DECISIONS_READ)
    public RuleSetView active() {
        ActiveRules active = rules.active();
        List<ReloadAttempt> recent = active.recentReloads();
        ReloadAttempt last = recent.isEmpty() ? null : recent.get(0);
        return new RuleSetView(
                active.directory().toAbsolutePath().toString(),
                active.loadedRuleSets(),
                active.guidelines().stream()
                        .map(version -> new RuleSetView.GuidelineView(
                                version.guideline().version(),
                                version.guideline().description(),
                                version.guideline().windows(),
                                version.rulesetVersion(),
                                version.activatedAt(),
                                version.rules().size(),
                                version.rules(),
                                last == null
                                        ? null
                                        : last.guideline(version.guideline().version())
                                                .orElse(null)))
                        .toList(),
                last,
                recent);
    }

    /**
     * Reloads the server's own rules directory now. There is deliberately no way to send rules or
     * a path: DRL can run arbitrary code, so rules enter only through the directory.
     */
    @POST
    @Path("/reload")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "reloadRules",
            summary = "Reload the rules directory",
            description =
                    "Compiles, lints and runs every scenario of each guideline version in the server's own rules directory; a version "
                            + "whose rules pass replaces its live rules, provided the versions' windows still decide every application exactly once. "
                            + "A refused version keeps its last good rules; the other versions are not affected.")
    @APIResponse(
            responseCode = "200",
            description = "Accepted, or unchanged",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReloadAttempt.class)))
    @ProblemAnswer(
            status = 422,
            description =
                    "Rejected: the previous ruleset keeps deciding; `reload` holds problems and failing scenarios",
            schema = ReloadRejected.class)
    @RolesAllowed(Roles.RULES_ADMIN)
    public Response reload() {
        ReloadAttempt attempt = rules.reload(ReloadTrigger.API);
        if (!attempt.rejected()) {
            return Response.ok(attempt, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.status(422)
                .type(Problem.PROBLEM_JSON)
                .entity(new ReloadRejected(
                        "about:blank",
                        "Ruleset rejected",
                        422,
                        "A guideline version did not pass compilation, lint and scenarios, or the windows leave a gap or overlap; the last good rules of each refused version keep deciding.",
                        attempt))
                .build();
    }

    /**
     * What the active rules, or a candidate that has not gone live, would do to the decisions on
     * record. Like reload, it takes no rules or paths: a candidate is a directory the rule owners
     * put under the server's candidates directory, named here.
     */
    @POST
    @Path("/impact")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "analyseImpact",
            summary = "Impact analysis",
            description =
                    "Replays stored decisions (oldest first, at most maxDecisions) on the live rules (each on the guideline version "
                            + "in force for its own date and transaction type), on one live version (replayOn), or on a candidate rules "
                            + "directory, and reports outcome transitions, reason codes added and removed, and a sample of changed decisions. Writes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImpactReport.class)))
    @ProblemAnswer(status = 400, description = "A parameter is malformed: every violation is listed")
    @ProblemAnswer(status = 404, description = "No candidate directory, or no live guideline version, of that name")
    @ProblemAnswer(
            status = 422,
            description = "The candidate does not compile; each problem is a violation located by file:line")
    @ProblemAnswer(status = 503, description = "No ruleset is active, or the decision store cannot be read right now")
    @RolesAllowed(Roles.RULES_ADMIN)
    public ImpactReport impact(@BeanParam ImpactQuery query) {
        RequestParameters parameters = new RequestParameters(validator).check(query);
        ReplaySelection selection = new ReplaySelection(
                RequestParameters.instant(query.decidedFrom()),
                RequestParameters.instant(query.decidedTo()),
                RequestParameters.enumValue(query.product(), Product.class),
                RequestParameters.text(query.guidelineVersion(), 32),
                parameters.intInRange("maxDecisions", query.maxDecisions(), maxImpactDecisions, 1, maxImpactDecisions));
        Optional<String> candidateName = RequestParameters.text(query.candidate(), 100);
        Optional<String> replayOnVersion = RequestParameters.text(query.replayOn(), 32);
        if (candidateName.isPresent() && replayOnVersion.isPresent()) {
            parameters.reject(
                    "replayOn", "cannot be given with candidate: a candidate is what the decisions are replayed on");
        }
        parameters.throwIfInvalid();
        return rules.analyseImpact(selection, candidateName, replayOnVersion);
    }
}
