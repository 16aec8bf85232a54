package com.healthcyber.underwriting;

import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.ruleset.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Guideline v1's real folder, {@code rules/v1}, for the tests that need one real ruleset; see {@link GuidelineUnderTest}. */
public final class RulesUnderTest {

    public static final Path DIRECTORY = GuidelineUnderTest.V1.directory();

    private RulesUnderTest() {}

    public static RuleSet ruleSet() {
        return GuidelineUnderTest.V1.ruleSet();
    }

    public static ScenarioLoader.Loaded scenarios() {
        return GuidelineUnderTest.V1.scenarios();
    }

    /** Each v1 reason code with the outcome the guideline gives it. */
    public static Map<String, String> guidelineCodes() {
        return GuidelineUnderTest.V1.guidelineCodes();
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
