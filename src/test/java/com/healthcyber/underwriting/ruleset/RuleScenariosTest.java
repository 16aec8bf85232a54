package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.RulesUnderTest;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.StrictJson;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every worked example under {@code rules/scenarios/} decided by the real rules, without the
 * service: the cases are data, so an underwriter adds one by adding JSON, not Java.
 */
class RuleScenariosTest {

    private final ScenarioRunner runner = new ScenarioRunner(ApplicationReader.standalone(), StrictJson.newMapper());

    @Test
    void scenarioFilesAreAllReadable() {
        assertEquals(List.of(), RulesUnderTest.scenarios().problems());
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioDecidesAsExpected() {
        return RulesUnderTest.scenarios().scenarios().stream()
                .map(scenario -> DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(), () -> {
                    ScenarioResult result = runner.run(RulesUnderTest.ruleSet(), scenario);
                    assertTrue(result.passed(), result::describeFailure);
                }));
    }

    @Test
    void everyGuidelineCodeIsExpectedBySomeScenario() {
        Set<String> expected = new TreeSet<>();
        RulesUnderTest.scenarios()
                .scenarios()
                .forEach(scenario -> expected.addAll(scenario.expect().reasons()));
        Set<String> missing = new TreeSet<>(RulesUnderTest.guidelineCodes().keySet());
        missing.removeAll(expected);
        assertEquals(Set.of(), missing, "guideline codes no scenario exercises");
    }

    @Test
    void aFailingScenarioSaysExpectedAndActual() {
        Scenario wrong = RulesUnderTest.scenarios().scenarios().stream()
                .filter(scenario -> scenario.expect().reasons().equals(List.of("TERRITORY")))
                .findFirst()
                .orElseThrow();
        Scenario misremembered = new Scenario(
                wrong.file(),
                wrong.name(),
                wrong.application(),
                new Expectation(com.healthcyber.underwriting.application.Outcome.REFER, List.of("LOSS_HISTORY")));
        ScenarioResult result = runner.run(RulesUnderTest.ruleSet(), misremembered);
        assertEquals(false, result.passed());
        assertEquals("expected REFER [LOSS_HISTORY], got DECLINE [TERRITORY]", result.describeFailure());
    }
}
