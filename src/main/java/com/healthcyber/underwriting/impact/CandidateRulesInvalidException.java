package com.healthcyber.underwriting.impact;

import com.healthcyber.underwriting.engine.RuleProblem;
import java.util.List;

/** The candidate rules do not compile, so nothing can be replayed on them. */
public class CandidateRulesInvalidException extends RuntimeException {

    private final List<RuleProblem> problems;

    public CandidateRulesInvalidException(String name, List<RuleProblem> problems) {
        super("candidate '" + name + "' does not compile: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
