package com.healthcyber.underwriting.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.engine.Findings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only a referral needs an authority, and a replay tells when the authority it needs moved. */
class VerdictAndReplayTest {

    private static final Reason CLAIM = new Reason("LOSS_HISTORY", ReasonOutcome.REFER, "One claim", "1 claim");
    private static final Reason MISCONDUCT =
            new Reason("WILLFUL_MISCONDUCT", ReasonOutcome.DECLINE, "Willful misconduct", "knowingly");

    @Test
    void aReferralNeedsTheAuthorityTheRulesFound() {
        Verdict verdict = Verdict.of(new Findings(List.of(CLAIM), Optional.of(AuthorityLevel.SENIOR_UNDERWRITER)));
        assertEquals(Outcome.REFER, verdict.outcome());
        assertEquals(Optional.of(AuthorityLevel.SENIOR_UNDERWRITER), verdict.requiredAuthority());
    }

    @Test
    void aDeclineWithReferralReasonsNeedsNoAuthority() {
        Verdict verdict =
                Verdict.of(new Findings(List.of(CLAIM, MISCONDUCT), Optional.of(AuthorityLevel.UNDERWRITING_MANAGER)));
        assertEquals(Outcome.DECLINE, verdict.outcome());
        assertEquals(Optional.empty(), verdict.requiredAuthority());
    }

    @Test
    void aReplayTellsWhenTheAuthorityAReferralNeedsMoves() {
        Verdict manager = Verdict.of(new Findings(List.of(CLAIM), Optional.of(AuthorityLevel.UNDERWRITING_MANAGER)));
        Replay moved = Replay.of(stored(Outcome.REFER, AuthorityLevel.SENIOR_UNDERWRITER), manager, "v1", "sha256:now");
        assertTrue(moved.requiredAuthorityChanged());
        assertFalse(moved.outcomeChanged());
        assertTrue(moved.changed(), "an authority shift alone is a change");
        assertEquals(AuthorityLevel.SENIOR_UNDERWRITER, moved.stored().requiredAuthority());
        assertEquals(AuthorityLevel.UNDERWRITING_MANAGER, moved.replayed().requiredAuthority());

        Verdict accepted = Verdict.of(new Findings(List.of(), Optional.empty()));
        Replay noLongerReferred =
                Replay.of(stored(Outcome.REFER, AuthorityLevel.SENIOR_UNDERWRITER), accepted, "v1", "sha256:now");
        assertTrue(noLongerReferred.requiredAuthorityChanged());
    }

    /** Recorded before V6 kept the authority: a shift cannot be told, so none is reported. */
    @Test
    void aReferralRecordedWithoutItsAuthorityShowsNoAuthorityShift() {
        Verdict senior = Verdict.of(new Findings(List.of(CLAIM), Optional.of(AuthorityLevel.SENIOR_UNDERWRITER)));
        Replay replay = Replay.of(stored(Outcome.REFER, null), senior, "v1", "sha256:now");
        assertTrue(replay.stored().authorityUnrecorded());
        assertFalse(replay.requiredAuthorityChanged());
        assertFalse(replay.changed());
    }

    private static DecisionRecord stored(Outcome outcome, AuthorityLevel authority) {
        return new DecisionRecord(
                new Decision(
                        "0196f0a0-0000-7000-8000-000000000001",
                        "APP-1",
                        Product.CYBER_HEALTHCARE,
                        outcome,
                        List.of(CLAIM),
                        "v1",
                        authority,
                        "sha256:then",
                        Instant.parse("2026-11-30T10:00:00Z")),
                "10.2.0",
                "test",
                1,
                "platform",
                Optional.empty(),
                "{}");
    }
}
