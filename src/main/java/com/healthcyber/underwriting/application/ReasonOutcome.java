package com.healthcyber.underwriting.application;

/** What one reason does to the decision, in the order reasons are listed. */
public enum ReasonOutcome {
    DECLINE,
    REFER,
    /** A subjectivity or coverage term that goes with an accept or a referral. */
    CONDITION
}
