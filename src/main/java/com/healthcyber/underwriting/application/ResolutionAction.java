package com.healthcyber.underwriting.application;

/** What an underwriter decides on a referral; each has one final outcome. */
public enum ResolutionAction {
    /** The risk is written: the final outcome is ACCEPT, possibly with further subjectivities. */
    APPROVE(Outcome.ACCEPT),
    DECLINE(Outcome.DECLINE);

    private final Outcome finalOutcome;

    ResolutionAction(Outcome finalOutcome) {
        this.finalOutcome = finalOutcome;
    }

    public Outcome finalOutcome() {
        return finalOutcome;
    }
}
