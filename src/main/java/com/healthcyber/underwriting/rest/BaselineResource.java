package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.security.Roles;
import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's yardstick: the same request reading and validation and a response of the same
 * shape as {@code POST /decisions}, without the rules. Built only with {@code -Dquarkus.profile=bench};
 * production builds do not contain it.
 */
@IfBuildProfile("bench")
@Path("/baseline/decisions")
public class BaselineResource {

    private static final List<Reason> SAME_SIZE_REASONS = List.of(
            new Reason(
                    "LOSS_HISTORY",
                    ReasonOutcome.REFER,
                    "One claim within five years",
                    "1 claim within 5 years of 2027-01-01: PHISHING on 2023-06-01, paid 45000"),
            new Reason(
                    "RECENT_BREACH",
                    ReasonOutcome.REFER,
                    "Remediated breach within three years",
                    "breach on 2024-09-15 (1200 records), remediated"));

    private final ApplicationReader applications;

    public BaselineResource(ApplicationReader applications) {
        this.applications = applications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DECISIONS_WRITE) // the same authentication cost as the real endpoint
    @NonBlocking // on the event loop, like the real endpoint: the comparison is of the work, not of the threading
    public Decision echo(byte[] body) {
        Application application = applications.read(body);
        return new Decision(
                UUID.randomUUID().toString(),
                application.applicationId(),
                application.product(),
                Outcome.REFER,
                SAME_SIZE_REASONS,
                "baseline",
                AuthorityLevel.SENIOR_UNDERWRITER,
                "baseline",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
