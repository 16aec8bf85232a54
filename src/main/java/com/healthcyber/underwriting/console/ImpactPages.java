package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.impact.CandidateNotFoundException;
import com.healthcyber.underwriting.impact.CandidateRulesInvalidException;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.impact.UnknownGuidelineVersionException;
import com.healthcyber.underwriting.ruleset.RulesService;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Impact analysis from the console: the active rules, a candidate folder of the server's
 * candidates directory, or one live guideline version deciding another's history again (the
 * cut-over question), replayed over the decisions on record (what {@code POST /rules/impact}
 * does, with its role), shown as outcome transitions and codes added and removed, each changed
 * decision a link to its replay.
 */
@Path("/console/impact")
public class ImpactPages {

    private final RulesService rules;
    private final ConsoleFrame frame;
    private final ConsoleErrors errors;
    private final Template page;
    private final int maxDecisions;

    public ImpactPages(
            RulesService rules,
            ConsoleFrame frame,
            ConsoleErrors errors,
            UnderwritingConfig config,
            @Location("console/impact.html") Template page) {
        this.rules = rules;
        this.frame = frame;
        this.errors = errors;
        this.page = page;
        this.maxDecisions = config.impact().maxDecisions();
    }

    /**
     * What the form held, shown again with the report. {@code mode} is {@value #ON_RULES} (the
     * active rules or a candidate, in {@code candidate}) or {@value #CUT_OVER} ({@code history}'s
     * decisions decided again by {@code replayOn}: the API's {@code guidelineVersion} and {@code
     * replayOn}).
     */
    public record Request(
            String mode,
            String candidate,
            String history,
            String replayOn,
            String product,
            String from,
            String to,
            String maxDecisions) {
        public boolean cutOver() {
            return CUT_OVER.equals(mode);
        }
    }

    static final String ON_RULES = "rules";
    static final String CUT_OVER = "cut-over";

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.RULES_ADMIN)
    public TemplateInstance form() {
        return render(new Request(ON_RULES, "", "", "", "", "", "", ""), List.of(), null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.RULES_ADMIN)
    public TemplateInstance run(
            @RestForm String mode,
            @RestForm String candidate,
            @RestForm String history,
            @RestForm String replayOn,
            @RestForm String product,
            @RestForm String from,
            @RestForm String to,
            @RestForm String maxDecisions) {
        Request request = new Request(mode, candidate, history, replayOn, product, from, to, maxDecisions);
        FormInput input = new FormInput();
        boolean cutOver = request.cutOver();
        if (!cutOver && mode != null && !mode.isBlank() && !ON_RULES.equals(mode.strip())) {
            input.problems().add("Replay on: must be the rules or another guideline version");
        }
        List<String> versions = rules.versions();
        // Only the chosen way's fields count: the other's selects are sent too, as a form sends them.
        Optional<String> name = cutOver ? Optional.empty() : input.text("Rules", candidate, 100);
        Optional<String> made = cutOver ? input.oneOf("History of", history, versions) : Optional.empty();
        Optional<String> on = cutOver ? input.oneOf("Decided again by", replayOn, versions) : Optional.empty();
        if (cutOver && (blank(history) || blank(replayOn))) {
            input.problems().add("Cut-over: choose the version whose history to replay and the version to decide it");
        }
        ReplaySelection selection = new ReplaySelection(
                FormInput.startOf(input.day("Decided from", from)),
                FormInput.startOf(input.day("Decided before", to)),
                input.choice("Product", product, Product.class),
                made,
                input.whole("At most", maxDecisions, this.maxDecisions, 1, this.maxDecisions));
        if (!input.problems().isEmpty()) {
            return render(request, input.problems(), null, List.of());
        }
        try {
            ImpactReport report = rules.analyseImpact(selection, name, on);
            return render(request, List.of(), report, List.of());
        } catch (UnknownGuidelineVersionException e) {
            // Withdrawn between showing the form and posting it.
            return render(request, List.of(e.getMessage()), null, List.of());
        } catch (CandidateNotFoundException e) {
            return render(request, List.of(e.getMessage()), null, List.of());
        } catch (CandidateRulesInvalidException e) {
            List<String> located = e.problems().stream().map(Object::toString).toList();
            return render(request, List.of(e.getMessage()), null, located);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private TemplateInstance render(
            Request request, List<String> problems, ImpactReport report, List<String> ruleProblems) {
        TemplateInstance instance = page.data("page", frame.of("impact"))
                .data("request", request)
                .data("candidates", rules.candidates())
                .data("versions", rules.versions())
                .data("products", Product.values())
                .data("maxDecisions", maxDecisions)
                .data("problems", problems)
                .data("ruleProblems", ruleProblems)
                .data("report", report);
        if (report != null) {
            List<Charts.Entry> transitions = new ArrayList<>();
            report.outcomeTransitions()
                    .forEach(t -> transitions.add(new Charts.Entry(
                            t.from() + " → " + t.to(), t.count(), t.from() == t.to() ? "same" : "changed")));
            List<Charts.Entry> codes = new ArrayList<>();
            report.reasonCodesAdded().forEach(c -> codes.add(new Charts.Entry("+ " + c.code(), c.count(), "added")));
            report.reasonCodesRemoved()
                    .forEach(c -> codes.add(new Charts.Entry("− " + c.code(), c.count(), "removed")));
            instance.data("transitionChart", Charts.bars("Outcome transitions: stored → replayed", transitions))
                    .data("codeChart", codes.isEmpty() ? null : Charts.bars("Reason codes added and removed", codes));
        }
        return instance;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo page) {
        return errors.forbidden("impact", page);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return errors.storeUnavailable("impact");
    }
}
