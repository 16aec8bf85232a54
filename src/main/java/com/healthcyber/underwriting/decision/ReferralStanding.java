package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.application.Resolution;
import java.util.Optional;

/** Where a referred decision stands on the desk: the authority it needs, and its resolution once it has one. */
public record ReferralStanding(AuthorityLevel requiredAuthority, Optional<Resolution> resolution) {

    public ReferralStatus status() {
        return resolution.isPresent() ? ReferralStatus.RESOLVED : ReferralStatus.OPEN;
    }
}
