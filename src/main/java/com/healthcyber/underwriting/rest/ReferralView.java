package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.application.Resolution;
import com.healthcyber.underwriting.decision.ReferralStanding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referred decision's place on the desk, as {@code GET /decisions/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
        ReferralStatus status,
        AuthorityLevel requiredAuthority,

        @Schema(description = "Once it is RESOLVED: who resolved it, at which authority, how and why")
        Resolution resolution) {

    static ReferralView of(ReferralStanding standing) {
        return new ReferralView(
                standing.status(),
                standing.requiredAuthority(),
                standing.resolution().orElse(null));
    }
}
