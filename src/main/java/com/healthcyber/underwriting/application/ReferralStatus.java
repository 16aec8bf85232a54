package com.healthcyber.underwriting.application;

/** Where a referred decision stands: waiting for a person, or resolved by one (once, for good). */
public enum ReferralStatus {
    OPEN,
    RESOLVED
}
