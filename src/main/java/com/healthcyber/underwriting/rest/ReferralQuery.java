package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.rest.ParameterConstraints.IsoInstant;
import com.healthcyber.underwriting.rest.ParameterConstraints.OneOf;
import com.healthcyber.underwriting.rest.ParameterConstraints.WholeNumber;
import jakarta.ws.rs.QueryParam;

/**
 * The filters of {@code GET /referrals} as sent. The cursor has no constraint of its own: whether
 * it is valid depends on the status listed ({@link RequestParameters#referralCursor}).
 */
record ReferralQuery(
        @QueryParam("status") @OneOf(ReferralStatus.class) String status,

        @QueryParam("requiredAuthority") @OneOf(AuthorityLevel.class)
        String requiredAuthority,

        @QueryParam("product") @OneOf(Product.class) String product,
        @QueryParam("resolvedFrom") @IsoInstant String resolvedFrom,

        @QueryParam("limit") @WholeNumber(min = 1, max = DecisionResource.MAX_PAGE_SIZE)
        String limit,

        @QueryParam("cursor") String cursor) {

    int pageSize() {
        return limit == null || limit.isEmpty()
                ? 50
                : RequestParameters.wholeNumber(limit, 1, DecisionResource.MAX_PAGE_SIZE)
                        .orElse(50);
    }
}
