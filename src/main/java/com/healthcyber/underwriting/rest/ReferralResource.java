package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.audit.ReferralSearch;
import com.healthcyber.underwriting.decision.ReferralService;
import com.healthcyber.underwriting.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/referrals")
@Tag(name = "Referrals")
public class ReferralResource {

    private final ReferralService referrals;
    private final Validator validator;

    public ReferralResource(ReferralService referrals, Validator validator) {
        this.referrals = referrals;
        this.validator = validator;
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
    public ReferralPage list(@BeanParam ReferralQuery query) {
        RequestParameters parameters = new RequestParameters(validator).check(query);
        Optional<ReferralStatus> asked = RequestParameters.enumValue(query.status(), ReferralStatus.class);
        Optional<Instant> from = RequestParameters.instant(query.resolvedFrom());
        if (asked.isPresent() && asked.get() == ReferralStatus.OPEN && from.isPresent()) {
            parameters.reject("resolvedFrom", "applies to status RESOLVED only");
        }
        ReferralStatus listed = asked.orElse(from.isPresent() ? ReferralStatus.RESOLVED : ReferralStatus.OPEN);
        ReferralSearch search = new ReferralSearch(
                listed,
                RequestParameters.enumValue(query.requiredAuthority(), AuthorityLevel.class),
                RequestParameters.enumValue(query.product(), Product.class),
                from,
                parameters.referralCursor("cursor", query.cursor(), listed),
                query.pageSize());
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
