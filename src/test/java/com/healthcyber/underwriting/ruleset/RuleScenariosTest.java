package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthcyber.underwriting.GuidelineUnderTest;
import com.healthcyber.underwriting.RulesUnderTest;
import com.healthcyber.underwriting.application.TransactionType;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.StrictJson;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every worked example under each guideline version's {@code scenarios/} decided by that
 * version's real rules, without the service: the cases are data, so an underwriter adds one by
 * adding JSON, not Java.
 */
class RuleScenariosTest {

    private final ScenarioRunner runner = new ScenarioRunner(ApplicationReader.standalone(), StrictJson.newMapper());

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void scenarioFilesAreAllReadable(GuidelineUnderTest version) {
        assertEquals(List.of(), version.scenarios().problems());
    }

    @TestFactory
    Stream<DynamicContainer> everyScenarioDecidesAsExpected() {
        return Arrays.stream(GuidelineUnderTest.values())
                .map(version -> DynamicContainer.dynamicContainer(
                        version.directory().toString(),
                        version.scenarios().scenarios().stream()
                                .map(scenario ->
                                        DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(), () -> {
                                            ScenarioResult result = runner.run(version.ruleSet(), scenario);
                                            assertTrue(result.passed(), result::describeFailure);
                                        }))));
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyGuidelineCodeIsExpectedBySomeScenario(GuidelineUnderTest version) {
        Set<String> expected = new TreeSet<>();
        version.scenarios()
                .scenarios()
                .forEach(scenario -> expected.addAll(scenario.expect().reasons()));
        Set<String> missing = new TreeSet<>(version.guidelineCodes().keySet());
        missing.removeAll(expected);
        assertEquals(Set.of(), missing, "guideline codes no scenario exercises");
    }

    /** A version's worked examples are applications that version decides: inside its window. */
    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyScenarioFallsInsideItsVersionsWindow(GuidelineUnderTest version) {
        List<String> outside = version.scenarios().scenarios().stream()
                .filter(scenario -> {
                    JsonNode coverage = scenario.application().path("coverage");
                    TransactionType type = coverage.hasNonNull("transactionType")
                            ? TransactionType.valueOf(
                                    coverage.get("transactionType").asText())
                            : TransactionType.NEW_BUSINESS;
                    return !version.decides(
                            type, LocalDate.parse(coverage.get("effectiveDate").asText()));
                })
                .map(scenario -> scenario.file() + ": " + scenario.name())
                .toList();
        assertEquals(List.of(), outside);
    }

    /** A scenario expecting a code its version does not have could never pass; say so by name. */
    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void noScenarioExpectsACodeItsVersionDoesNotHave(GuidelineUnderTest version) {
        Set<String> codes = version.guidelineCodes().keySet();
        List<String> wrong = version.scenarios().scenarios().stream()
                .filter(scenario -> !codes.containsAll(scenario.expect().reasons()))
                .map(scenario -> scenario.file() + ": " + scenario.name())
                .toList();
        assertEquals(List.of(), wrong);
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
