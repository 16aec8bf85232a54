package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.ReferralStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Which referrals the desk lists, one page at a time: the open ones oldest first (by decision
 * time), the resolved ones in the order they were resolved, so that "resolved since" can be
 * polled.
 *
 * @param resolvedFrom inclusive; resolved referrals only
 * @param after the last referral of the previous page: its decision time (open) or resolution time (resolved), and id
 * @param limit referrals per page
 */
public record ReferralSearch(
        ReferralStatus status,
        Optional<AuthorityLevel> requiredAuthority,
        Optional<Product> product,
        Optional<Instant> resolvedFrom,
        Optional<DecisionSearch.Position> after,
        int limit) {

    public ReferralSearch withLimit(int rows) {
        return new ReferralSearch(status, requiredAuthority, product, resolvedFrom, after, rows);
    }
}
