package com.healthcyber.underwriting.application;

/**
 * An authority a referred decision needs beyond its reasons' own levels, inserted by an
 * authority rule ({@code requireAuthority(drools, …)}): a limit above the manager's amount, or
 * many referral reasons at once. Like a {@link Reason}, it names the rule that asked for it.
 *
 * @param code the authority rule's {@code @code}; not a reason code
 * @param message why, in an underwriter's words
 */
public record AuthorityRequirement(String code, AuthorityLevel level, String rule, String message) {}
