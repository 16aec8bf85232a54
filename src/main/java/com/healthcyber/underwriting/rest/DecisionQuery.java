package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.rest.ParameterConstraints.DecisionCursor;
import com.healthcyber.underwriting.rest.ParameterConstraints.IsoInstant;
import com.healthcyber.underwriting.rest.ParameterConstraints.OneOf;
import com.healthcyber.underwriting.rest.ParameterConstraints.Text;
import com.healthcyber.underwriting.rest.ParameterConstraints.WholeNumber;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;

/** The filters of {@code GET /decisions} as sent; {@link #search()} once they are valid. */
record DecisionQuery(
        @QueryParam("applicationId") @Text(max = 64) String applicationId,
        @QueryParam("product") @OneOf(Product.class) String product,
        @QueryParam("outcome") @OneOf(Outcome.class) String outcome,
        @QueryParam("reasonCode") @Text(max = 64) String reasonCode,
        @QueryParam("decidedFrom") @IsoInstant String decidedFrom,
        @QueryParam("decidedTo") @IsoInstant String decidedTo,
        @QueryParam("guidelineVersion") @Text(max = 32) String guidelineVersion,

        @QueryParam("limit") @WholeNumber(min = 1, max = DecisionResource.MAX_PAGE_SIZE)
        String limit,

        @QueryParam("cursor") @DecisionCursor String cursor) {

    DecisionSearch search() {
        return new DecisionSearch(
                RequestParameters.text(applicationId, 64),
                RequestParameters.enumValue(product, Product.class),
                RequestParameters.enumValue(outcome, Outcome.class),
                RequestParameters.text(reasonCode, 64),
                RequestParameters.instant(decidedFrom),
                RequestParameters.instant(decidedTo),
                RequestParameters.text(guidelineVersion, 32),
                cursor == null || cursor.isEmpty() ? Optional.empty() : DecisionPage.position(cursor),
                limit == null || limit.isEmpty()
                        ? 50
                        : RequestParameters.wholeNumber(limit, 1, DecisionResource.MAX_PAGE_SIZE)
                                .orElse(50));
    }
}
