package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.audit.DecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored decision beside what the rules decide for the same request now.
 *
 * @param codesAdded codes the replay gives that the stored decision did not
 * @param codesRemoved codes the stored decision gave that the replay does not
 */
public record Replay(
        String decisionId,
        Instant decidedAt,
        Result stored,
        Result replayed,
        boolean outcomeChanged,
        List<String> codesAdded,
        List<String> codesRemoved) {

    /** One side of the comparison: what a guideline version's ruleset answered. */
    public record Result(Outcome outcome, List<Reason> reasons, String guidelineVersion, String rulesetVersion) {}

    public static Replay of(DecisionRecord record, Verdict now, String guidelineVersion, String rulesetVersion) {
        Decision given = record.decision();
        Result stored = new Result(given.outcome(), given.reasons(), given.guidelineVersion(), given.rulesetVersion());
        Result replayed = new Result(now.outcome(), now.reasons(), guidelineVersion, rulesetVersion);
        Set<String> before = new TreeSet<>(record.codes());
        Set<String> after = new TreeSet<>(now.codes());
        return new Replay(
                given.decisionId(),
                given.decidedAt(),
                stored,
                replayed,
                stored.outcome() != replayed.outcome(),
                after.stream().filter(code -> !before.contains(code)).toList(),
                before.stream().filter(code -> !after.contains(code)).toList());
    }

    public boolean changed() {
        return outcomeChanged || !codesAdded.isEmpty() || !codesRemoved.isEmpty();
    }
}
