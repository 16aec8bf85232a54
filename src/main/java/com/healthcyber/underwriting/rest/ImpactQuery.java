package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.rest.ParameterConstraints.IsoInstant;
import com.healthcyber.underwriting.rest.ParameterConstraints.OneOf;
import com.healthcyber.underwriting.rest.ParameterConstraints.Text;
import jakarta.ws.rs.QueryParam;

/**
 * The selection of {@code POST /rules/impact} as sent. maxDecisions has no constraint: its
 * maximum is configuration ({@code underwriting.impact.max-decisions}), checked by the resource.
 */
record ImpactQuery(
        @QueryParam("candidate") @Text(max = 100) String candidate,
        @QueryParam("replayOn") @Text(max = 32) String replayOn,
        @QueryParam("guidelineVersion") @Text(max = 32) String guidelineVersion,
        @QueryParam("product") @OneOf(Product.class) String product,
        @QueryParam("decidedFrom") @IsoInstant String decidedFrom,
        @QueryParam("decidedTo") @IsoInstant String decidedTo,
        @QueryParam("maxDecisions") String maxDecisions) {}
