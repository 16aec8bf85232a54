package com.healthcyber.underwriting.application;

import java.time.Instant;
import java.util.List;

/**
 * How a person resolved a referral, as it is answered and kept beside the automated decision,
 * which it never changes.
 *
 * @param resolvedBy the resolver's name, from the token
 * @param authority the resolver's authority level when resolving, from the token
 */
public record Resolution(
        ResolutionAction action,
        Outcome finalOutcome,
        String rationale,
        List<String> subjectivities,
        String resolvedBy,
        AuthorityLevel authority,
        Instant resolvedAt) {}
