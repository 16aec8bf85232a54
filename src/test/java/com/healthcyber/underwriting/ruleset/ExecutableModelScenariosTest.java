package com.healthcyber.underwriting.ruleset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.GuidelineUnderTest;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.StrictJson;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The optional executable-model engine decides every scenario exactly as classic DRL does. */
class ExecutableModelScenariosTest {

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyScenarioDecidesAsExpectedOnTheExecutableModel(GuidelineUnderTest version) throws Exception {
        RuleSet ruleSet = new RuleSetLoader(1, true).load(version.directory());
        try {
            List<ScenarioResult> failed = new ScenarioRunner(ApplicationReader.standalone(), StrictJson.newMapper())
                    .run(ruleSet, version.scenarios().scenarios()).stream()
                            .filter(result -> !result.passed())
                            .toList();
            assertTrue(
                    failed.isEmpty(),
                    () -> failed.stream()
                            .map(result -> result.scenario().name() + ": " + result.describeFailure())
                            .collect(Collectors.joining("\n")));
        } finally {
            ruleSet.retire();
        }
    }
}
