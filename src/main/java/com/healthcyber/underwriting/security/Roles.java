package com.healthcyber.underwriting.security;

/** The roles a token carries in its {@code groups} claim. */
public final class Roles {
    /** Underwriting platforms: ask for decisions, nothing else. */
    public static final String DECISIONS_WRITE = "decisions:write";
    /** Underwriters, auditors, support: read decisions and the active rules. */
    public static final String DECISIONS_READ = "decisions:read";
    /**
     * Underwriters on the referral desk: resolve referrals, up to the authority their token's
     * {@code uw_authority} claim holds ({@link UnderwriterAuthority}).
     */
    public static final String REFERRALS_RESOLVE = "referrals:resolve";
    /** Rule owners: reload the rules, run impact analysis. */
    public static final String RULES_ADMIN = "rules:admin";

    private Roles() {}
}
