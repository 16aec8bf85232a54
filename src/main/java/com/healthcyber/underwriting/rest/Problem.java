package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.intake.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: every error this service answers is one. */
// Named so the scanner puts it in the document's schemas: ProblemResponses refers to it by name.
@Schema(name = "Problem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public static Problem of(Response.StatusType status, String title, String detail) {
        return new Problem("about:blank", title, status.getStatusCode(), detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
