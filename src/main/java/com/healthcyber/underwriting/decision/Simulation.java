package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Application;
import java.util.List;

/**
 * What the live rules answer for an application that is not on record and will not be: no
 * decision id, no record, no metric, no decision log line. The answer is the guideline version
 * in force for the application's dates; {@code answers} holds every live version's, so an
 * underwriter sees what a cut-over would change for it.
 */
public record Simulation(
        Application application,
        Verdict verdict,
        String rulesetVersion,
        String guidelineVersion,
        List<Answer> answers) {

    public Simulation {
        answers = List.copyOf(answers);
    }

    /** One guideline version's answer; {@code inForce} for the version its dates choose. */
    public record Answer(String guidelineVersion, String rulesetVersion, boolean inForce, Verdict verdict) {}
}
