package com.healthcyber.underwriting.application;

import java.util.Collection;

public enum Outcome {
    ACCEPT,
    REFER,
    DECLINE;

    /** Any decline wins, then any referral; conditions never change the outcome. */
    public static Outcome of(Collection<Reason> reasons) {
        boolean refer = false;
        for (Reason reason : reasons) {
            if (reason.outcome() == ReasonOutcome.DECLINE) {
                return DECLINE;
            }
            refer |= reason.outcome() == ReasonOutcome.REFER;
        }
        return refer ? REFER : ACCEPT;
    }
}
