package com.healthcyber.underwriting.engine;

/** What a rule contributes when it fires, as read from its consequence. */
public enum RuleKind {
    DECLINE,
    REFER,
    CONDITION,
    /** Inserts a derived fact (an appetite table, a classification) that other rules match on. */
    DERIVED_FACT,
    /**
     * Asks for more authority than a referral's reasons carry ({@code requireAuthority(…)}): a
     * row of the authority table that depends on amounts or on how many reasons refer.
     */
    AUTHORITY
}
