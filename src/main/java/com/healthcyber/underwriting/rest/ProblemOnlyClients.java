package com.healthcyber.underwriting.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A client that accepts only {@code application/problem+json} can read every error this service
 * gives, so it gets them: its bad input is a 400, its missing token a 401, an unknown decision a
 * 404, as for anyone. Left to the framework, the endpoints' {@code @Produces(application/json)}
 * would answer all of those 406, before the request is even looked at. Only an answer that is
 * not a problem document, which such a client cannot read, is refused with a 406 problem, and a
 * valid application is refused before it is decided, so nothing is recorded for an answer that
 * is never given.
 */
public class ProblemOnlyClients {

    private static final String PROBLEM_ONLY = ProblemOnlyClients.class.getName();

    /** Lets the request reach its endpoint, marked, so that its errors are answered as usual. */
    @ServerRequestFilter(preMatching = true)
    public void admitProblemOnlyClients(ContainerRequestContext request, RoutingContext routing) {
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        boolean problems = accepted.stream().anyMatch(type -> type.isCompatible(Problem.PROBLEM_JSON));
        boolean json = accepted.stream().anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE));
        if (problems && !json) {
            routing.put(PROBLEM_ONLY, Boolean.TRUE);
            request.getHeaders().add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON + ";q=0.001");
        }
    }

    /** Whether the caller accepts only problem documents: a success cannot be answered to it. */
    public static boolean acceptsOnlyProblems(RoutingContext routing) {
        return routing != null && Boolean.TRUE.equals(routing.get(PROBLEM_ONLY));
    }

    public static NotAcceptableException notAcceptable() {
        return new NotAcceptableException(
                "This answer is application/json; the request accepts only " + Problem.MEDIA_TYPE + ".");
    }

    /** A success answered to a client that accepts only problem documents becomes a 406 problem. */
    @ServerResponseFilter
    public void refuseAnswersTheyCannotRead(ContainerResponseContext response, RoutingContext routing) {
        if (acceptsOnlyProblems(routing) && !Problem.PROBLEM_JSON.isCompatible(response.getMediaType())) {
            Problem problem = Problem.of(
                    jakarta.ws.rs.core.Response.Status.NOT_ACCEPTABLE,
                    "Not Acceptable",
                    notAcceptable().getMessage());
            response.getHeaders().clear();
            response.setStatus(problem.status());
            response.setEntity(problem, null, Problem.PROBLEM_JSON);
        }
    }
}
