package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.impact.CandidateNotFoundException;
import com.healthcyber.underwriting.impact.CandidateRulesInvalidException;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.ruleset.RulesService;
import com.healthcyber.underwriting.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Impact analysis from the console: the active rules, or a candidate folder of the server's
 * candidates directory, replayed over the decisions on record (what {@code POST /rules/impact}
 * does, with its role), shown as outcome transitions and codes added and removed, each changed
 * decision a link to its replay.
 */
@Path("/console/impact")
public class ImpactPages {

    private final RulesService rules;
    private final ConsoleFrame frame;
    private final Template page;
    private final int maxDecisions;

    public ImpactPages(
            RulesService rules,
            ConsoleFrame frame,
            UnderwritingConfig config,
            @Location("console/impact.html") Template page) {
        this.rules = rules;
        this.frame = frame;
        this.page = page;
        this.maxDecisions = config.impact().maxDecisions();
    }

    /** What the form held, shown again with the report. */
    public record Request(String candidate, String product, String from, String to, String maxDecisions) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.RULES_ADMIN)
    public TemplateInstance form() {
        return render(new Request("", "", "", "", ""), List.of(), null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.RULES_ADMIN)
    public TemplateInstance run(
            @RestForm String candidate,
            @RestForm String product,
            @RestForm String from,
            @RestForm String to,
            @RestForm String maxDecisions) {
        Request request = new Request(candidate, product, from, to, maxDecisions);
        FormInput input = new FormInput();
        Optional<String> name = input.text("Rules", candidate, 100);
        ReplaySelection selection = new ReplaySelection(
                FormInput.startOf(input.day("Decided from", from)),
                FormInput.startOf(input.day("Decided before", to)),
                input.choice("Product", product, Product.class),
                input.whole("At most", maxDecisions, this.maxDecisions, 1, this.maxDecisions));
        if (!input.problems().isEmpty()) {
            return render(request, input.problems(), null, List.of());
        }
        try {
            ImpactReport report = rules.analyseImpact(selection, name, java.util.Optional.empty());
            return render(request, List.of(), report, List.of());
        } catch (CandidateNotFoundException e) {
            return render(request, List.of(e.getMessage()), null, List.of());
        } catch (CandidateRulesInvalidException e) {
            List<String> located = e.problems().stream().map(Object::toString).toList();
            return render(request, List.of(e.getMessage()), null, located);
        }
    }

    private TemplateInstance render(
            Request request, List<String> problems, ImpactReport report, List<String> ruleProblems) {
        TemplateInstance instance = page.data("page", frame.of("impact"))
                .data("request", request)
                .data("candidates", rules.candidates())
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
}
