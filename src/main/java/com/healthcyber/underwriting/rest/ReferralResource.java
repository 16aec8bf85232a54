package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.audit.ReferralSearch;
import com.healthcyber.underwriting.decision.ReferralService;
import com.healthcyber.underwriting.intake.Violation;
import com.healthcyber.underwriting.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referrals")
@Tag(name = "Referrals")
public class ReferralResource {

    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listReferrals",
            summary = "The referral desk's queue",
            description =
                    "Referred decisions waiting for an underwriter (status OPEN, the default), oldest first, each with its age, "
                            + "its reasons and the authority it needs; or those resolved (status RESOLVED), in the order they were resolved, "
                            + "from resolvedFrom on, so that a platform can poll for what was resolved since it last asked (resolvedFrom alone "
                            + "means RESOLVED). Follow `next` with the same filters for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page of referrals",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReferralPage.class)))
    @ProblemAnswer(status = 400, description = "A filter is malformed: every violation is listed")
    @ProblemAnswer(status = 503, description = "The decision store cannot be read right now")
    @RolesAllowed(Roles.DECISIONS_READ)
    public ReferralPage list(
            @Parameter(
                            description = "OPEN (the default) or RESOLVED",
                            schema = @Schema(implementation = ReferralStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "Referrals that need exactly this authority",
                            schema = @Schema(implementation = AuthorityLevel.class))
                    @QueryParam("requiredAuthority")
                    String requiredAuthority,
            @QueryParam("product") String product,
            @Parameter(
                            description = "Resolved at or after this instant (ISO-8601, e.g. 2027-01-05T00:00:00Z); "
                                    + "RESOLVED only. A platform polling with the time of the last resolution it saw sees "
                                    + "that one again: recognise it by its decisionId",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("resolvedFrom")
                    String resolvedFrom,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        RequestParameters parameters = new RequestParameters();
        Optional<ReferralStatus> asked = parameters.optionalEnum("status", status, ReferralStatus.class);
        Optional<Instant> from = parameters.optionalInstant("resolvedFrom", resolvedFrom);
        if (asked.isPresent() && asked.get() == ReferralStatus.OPEN && from.isPresent()) {
            parameters.add(new Violation("resolvedFrom", "applies to status RESOLVED only"));
        }
        ReferralStatus listed = asked.orElse(from.isPresent() ? ReferralStatus.RESOLVED : ReferralStatus.OPEN);
        ReferralSearch search = new ReferralSearch(
                listed,
                parameters.optionalEnum("requiredAuthority", requiredAuthority, AuthorityLevel.class),
                parameters.optionalEnum("product", product, Product.class),
                from,
                parameters.referralCursor("cursor", cursor, listed),
                parameters.intInRange("limit", limit, 50, 1, DecisionResource.MAX_PAGE_SIZE));
        parameters.throwIfInvalid();
        ReferralService.Page page = referrals.queue(search);
        return new ReferralPage(
                page.items().stream()
                        .map(item -> ReferralPage.ReferralItem.of(item, page.asOf()))
                        .toList(),
                page.next()
                        .map(position -> ReferralPage.cursor(listed, position))
                        .orElse(null));
    }
}
