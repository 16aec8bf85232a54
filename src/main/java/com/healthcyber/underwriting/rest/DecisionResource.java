package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.decision.Decision;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.decision.DecisionService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/decisions")
public class DecisionResource {

    private final ApplicationReader applications;
    private final DecisionService decisions;

    public DecisionResource(ApplicationReader applications, DecisionService decisions) {
        this.applications = applications;
        this.decisions = decisions;
    }

    /** The body is read here rather than by the framework so that every violation is reported at once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Decision decide(byte[] body) {
        return decisions.decide(applications.read(body));
    }
}
