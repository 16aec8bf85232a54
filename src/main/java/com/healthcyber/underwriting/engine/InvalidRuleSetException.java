package com.healthcyber.underwriting.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that must not go live, with every problem found in it. */
public class InvalidRuleSetException extends Exception {
    private final transient List<RuleProblem> problems;

    public InvalidRuleSetException(List<RuleProblem> problems) {
        super(
                problems.size() + " problem(s) in the ruleset:\n  "
                        + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")),
                null,
                false,
                false);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
