package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * What a replay needs of a stored decision, and no more: the walk of a long history reads only
 * these columns (a {@link DecisionRecord} would also decode the reasons' JSON and the versions).
 *
 * @param requiredAuthority on a referral recorded since schema V6, the authority it needs; else null
 * @param reasonCodes the codes of the stored reasons ({@code reason_codes}, written beside them from the same reasons)
 * @param requestBody the request body exactly as received
 */
public record StoredDecision(
        String decisionId,
        Instant decidedAt,
        Outcome outcome,
        AuthorityLevel requiredAuthority,
        List<String> reasonCodes,
        String requestBody) {}
