package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.healthcyber.underwriting.GuidelineUnderTest;
import com.healthcyber.underwriting.RulesUnderTest;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.TransactionType;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.StrictJson;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /** The authority table row by row: each referral reason alone, with the level it needs by itself. */
    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyReferralCodeIsExpectedAloneWithItsAuthority(GuidelineUnderTest version) {
        Map<String, String> table = RulesUnderTest.guidelineAuthority();
        Map<String, String> expected = new TreeMap<>();
        version.guidelineCodes().forEach((code, outcome) -> {
            if (outcome.equals("REFER")) {
                expected.put(code, table.get(code));
            }
        });
        Set<String> shown = new TreeSet<>();
        version.scenarios().scenarios().stream()
                .filter(scenario -> scenario.expect().reasons().size() == 1
                        && scenario.expect().requiredAuthority() != null)
                .forEach(scenario -> shown.add(scenario.expect().reasons().get(0) + "="
                        + scenario.expect().requiredAuthority()));
        Map<String, String> covered = new TreeMap<>(expected);
        covered.entrySet().removeIf(row -> !shown.contains(row.getKey() + "=" + row.getValue()));
        assertEquals(expected, covered, "referral codes whose level no scenario shows");
    }

    @Test
    void aScenarioExpectingTheWrongAuthorityFailsAndSaysBoth() {
        Scenario senior = RulesUnderTest.scenarios().scenarios().stream()
                .filter(scenario -> scenario.expect().reasons().equals(List.of("LOSS_HISTORY"))
                        && scenario.expect().requiredAuthority() != null)
                .findFirst()
                .orElseThrow();
        Scenario misremembered = new Scenario(
                senior.file(),
                senior.name(),
                senior.application(),
                new Expectation(Outcome.REFER, List.of("LOSS_HISTORY"), AuthorityLevel.UNDERWRITER));
        ScenarioResult result = runner.run(RulesUnderTest.ruleSet(), misremembered);
        assertEquals(false, result.passed());
        assertEquals(
                "expected REFER [LOSS_HISTORY] needing UNDERWRITER, got REFER [LOSS_HISTORY] needing SENIOR_UNDERWRITER",
                result.describeFailure());
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
                new Expectation(Outcome.REFER, List.of("LOSS_HISTORY")));
        ScenarioResult result = runner.run(RulesUnderTest.ruleSet(), misremembered);
        assertEquals(false, result.passed());
        assertEquals("expected REFER [LOSS_HISTORY], got DECLINE [TERRITORY]", result.describeFailure());
    }
}
