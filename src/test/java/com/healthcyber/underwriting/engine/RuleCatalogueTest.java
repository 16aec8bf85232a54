package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.healthcyber.underwriting.RulesUnderTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules carry the guideline's codes: each exactly once, with the guideline's outcome. */
class RuleCatalogueTest {

    private static final Set<RuleKind> REASON_KINDS = Set.of(RuleKind.DECLINE, RuleKind.REFER, RuleKind.CONDITION);

    private final List<RuleDefinition> rules = RulesUnderTest.ruleSet().rules();
    private final Map<String, String> guideline = RulesUnderTest.guidelineCodes();

    @Test
    void guidelineHasFortyOneCodes() {
        assertEquals(41, guideline.size());
    }

    @Test
    void everyGuidelineCodeIsCarriedByExactlyOneRule() {
        Map<String, Long> rulesPerCode = rules.stream()
                .collect(Collectors.groupingBy(RuleDefinition::code, TreeMap::new, Collectors.counting()));
        Map<String, Long> wrong = new TreeMap<>();
        guideline.keySet().forEach(code -> {
            long count = rulesPerCode.getOrDefault(code, 0L);
            if (count != 1) {
                wrong.put(code, count);
            }
        });
        assertEquals(Map.of(), wrong, "guideline codes carried by other than one rule");
    }

    @Test
    void noTwoRulesShareACode() {
        Set<String> seen = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        rules.forEach(rule -> {
            if (!seen.add(rule.code())) {
                shared.add(rule.code());
            }
        });
        assertEquals(Set.of(), shared);
    }

    @Test
    void everyReasonRuleGivesTheGuidelineOutcomeForItsCode() {
        Map<String, String> actual = rules.stream()
                .filter(rule -> REASON_KINDS.contains(rule.kind()))
                .collect(Collectors.toMap(
                        RuleDefinition::code, rule -> rule.kind().name(), (a, b) -> a, TreeMap::new));
        assertEquals(new TreeMap<>(guideline), actual);
    }

    @Test
    void everyReferralNeedsTheGuidelineAuthorityForItsCode() {
        Map<String, String> authority = RulesUnderTest.guidelineAuthority();
        Map<String, String> expected = new TreeMap<>();
        guideline.forEach((code, outcome) -> {
            if (outcome.equals("REFER")) {
                expected.put(code, authority.getOrDefault(code, "(not in the authority table)"));
            }
        });
        Map<String, String> actual = rules.stream()
                .filter(rule -> rule.kind() == RuleKind.REFER)
                .collect(Collectors.toMap(
                        RuleDefinition::code, rule -> String.valueOf(rule.authority()), (a, b) -> a, TreeMap::new));
        assertEquals(expected, actual);
    }

    @Test
    void onlyReferralsCarryAnAuthority() {
        rules.stream()
                .filter(rule -> rule.kind() != RuleKind.REFER)
                .forEach(rule -> assertEquals(null, rule.authority(), rule.code()));
    }

    @Test
    void derivedFactAndAuthorityRulesUseCodesOutsideTheGuideline() {
        rules.stream()
                .filter(rule -> !REASON_KINDS.contains(rule.kind()))
                .forEach(rule -> assertFalse(
                        guideline.containsKey(rule.code()), rule.code() + " is a reason code but inserts no reason"));
    }

    @Test
    void everyRuleHasACodeAndADescription() {
        Map<String, RuleDefinition> incomplete = rules.stream()
                .filter(rule -> rule.code() == null
                        || rule.code().isBlank()
                        || rule.description() == null
                        || rule.description().isBlank())
                .collect(Collectors.toMap(RuleDefinition::name, Function.identity()));
        assertEquals(Map.of(), incomplete);
    }
}
