package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Coverage;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleEvaluationException;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.guideline.Guideline;
import com.healthcyber.underwriting.guideline.GuidelineWindow;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** Decides each scenario's application on a ruleset, exactly as the service would. */
public final class ScenarioRunner {

    private final ApplicationReader reader;
    private final ObjectMapper mapper;

    public ScenarioRunner(ApplicationReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    public List<ScenarioResult> run(RuleSet ruleSet, List<Scenario> scenarios) {
        return run(ruleSet, null, scenarios);
    }

    /**
     * Runs each scenario on {@code ruleSet}; with a {@code guideline}, a scenario whose application
     * that version would never decide (outside its windows) fails: its example would prove
     * nothing about the decisions the version makes.
     */
    public List<ScenarioResult> run(RuleSet ruleSet, Guideline guideline, List<Scenario> scenarios) {
        return scenarios.stream()
                .map(scenario -> run(ruleSet, guideline, scenario))
                .toList();
    }

    public ScenarioResult run(RuleSet ruleSet, Scenario scenario) {
        return run(ruleSet, null, scenario);
    }

    private ScenarioResult run(RuleSet ruleSet, Guideline guideline, Scenario scenario) {
        try {
            Application application = reader.read(mapper.writeValueAsBytes(scenario.application()));
            if (guideline != null && !guideline.decides(application)) {
                Coverage coverage = application.coverage();
                return new ScenarioResult(
                        scenario,
                        null,
                        List.of(),
                        null,
                        "its application (" + application.product() + " " + coverage.transactionType() + " effective "
                                + coverage.effectiveDate() + ") is outside " + guideline.version() + "'s windows ("
                                + guideline.windows().stream()
                                        .map(GuidelineWindow::describe)
                                        .collect(Collectors.joining("; "))
                                + "): this version never decides it");
            }
            Verdict verdict = Verdict.of(ruleSet.evaluate(application));
            return new ScenarioResult(
                    scenario,
                    verdict.outcome(),
                    verdict.codes(),
                    verdict.requiredAuthority().orElse(null),
                    null);
        } catch (InvalidApplicationException e) {
            return new ScenarioResult(
                    scenario,
                    null,
                    List.of(),
                    null,
                    "its application is not valid: "
                            + e.violations().stream()
                                    .map(violation -> violation.field() + " " + violation.message())
                                    .collect(Collectors.joining("; ")));
        } catch (RuleEvaluationException e) {
            return new ScenarioResult(scenario, null, List.of(), null, "the rules failed on it: " + e.getMessage());
        } catch (JsonProcessingException e) {
            return new ScenarioResult(scenario, null, List.of(), null, "its application cannot be written as JSON");
        }
    }
}
