package com.healthcyber.underwriting.decision;

import java.util.Optional;

/**
 * A resolution as it arrived: the decision it resolves, the underwriter's answer (the body as
 * received), and who sent it, as the token says.
 *
 * @param resolvedBy the caller's name (the token's upn, else preferred_username, else sub)
 * @param authorityClaim the token's uw_authority claim as it is, if it has one
 * @param idempotencyKey the resolver's retry key, if it sent one
 */
public record ResolutionCommand(
        String decisionId,
        byte[] body,
        String resolvedBy,
        Optional<String> authorityClaim,
        Optional<String> idempotencyKey) {}
