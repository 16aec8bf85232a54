package com.healthcyber.underwriting;

import com.healthcyber.underwriting.engine.InvalidRuleSetException;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.StrictJson;
import com.healthcyber.underwriting.ruleset.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The real top-level {@code rules/} folder, compiled once per test JVM. */
public final class RulesUnderTest {

    public static final Path DIRECTORY = Path.of("rules/v1");
    private static RuleSet ruleSet;

    private RulesUnderTest() {}

    public static synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            try {
                ruleSet = new RuleSetLoader(2).load(DIRECTORY);
            } catch (InvalidRuleSetException e) {
                throw new AssertionError(e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ruleSet;
    }

    public static ScenarioLoader.Loaded scenarios() {
        return new ScenarioLoader(StrictJson.newMapper()).load(DIRECTORY);
    }

    /** Each v1 reason code with the outcome the guideline gives it. */
    public static Map<String, String> guidelineCodes() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/guideline-v1-codes.txt")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each referral code of the guideline (v1 and v2) with the authority it needs by itself. */
    public static Map<String, String> guidelineAuthority() {
        try {
            return Files.readAllLines(Path.of("src/test/resources/guideline-authority.txt")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> codesOf(RuleSet ruleSet) {
        return ruleSet.rules().stream().map(rule -> rule.code()).toList();
    }
}
