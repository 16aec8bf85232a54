package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.decision.DecisionService;
import com.healthcyber.underwriting.decision.Simulation;
import com.healthcyber.underwriting.intake.InvalidInputException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * "Try an application": edit an application and see what the active rules answer, as a
 * simulation that is not on record ({@link DecisionService#simulate}: no record, no id, no
 * metric). Evaluating needs no more than replaying a stored decision does, so the same role.
 */
@Path("/console/simulate")
public class SimulationPages {

    /** The examples an underwriter starts from: decision-api.md's applications, one per product. */
    static final Map<String, String> EXAMPLES = Map.of(
            "cyber-healthcare", "/examples/cyber-healthcare-application.json",
            "medical-registry", "/examples/medical-registry-application.json");

    private final DecisionService decisions;
    private final ConsoleFrame frame;
    private final ConsoleErrors errors;
    private final Template page;

    public SimulationPages(
            DecisionService decisions,
            ConsoleFrame frame,
            ConsoleErrors errors,
            @Location("console/simulate.html") Template page) {
        this.decisions = decisions;
        this.frame = frame;
        this.errors = errors;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance form(@QueryParam("example") String example) {
        String chosen = example != null && EXAMPLES.containsKey(example) ? example : "cyber-healthcare";
        return render(example(chosen), null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance simulate(@RestForm String application) {
        String body = application == null ? "" : application;
        try {
            Simulation result = decisions.simulate(body.getBytes(StandardCharsets.UTF_8));
            return render(body, result, List.of());
        } catch (InvalidInputException e) {
            List<String> problems = e.violations().stream()
                    .map(violation -> violation.field() + ": " + violation.message())
                    .toList();
            return render(body, null, problems);
        }
    }

    private TemplateInstance render(String body, Simulation result, List<String> problems) {
        return page.data("page", frame.of("simulate"))
                .data("application", body)
                .data("examples", EXAMPLES.keySet().stream().sorted().toList())
                .data("result", result)
                .data(
                        "groups",
                        result == null
                                ? List.of()
                                : DecisionPages.grouped(result.verdict().reasons()))
                .data("problems", problems);
    }

    private static String example(String name) {
        try (InputStream in = SimulationPages.class.getResourceAsStream(EXAMPLES.get(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo page) {
        return errors.forbidden("simulate", page);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return errors.storeUnavailable("simulate");
    }
}
