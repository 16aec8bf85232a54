package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.healthcyber.underwriting.GuidelineUnderTest;
import com.healthcyber.underwriting.RulesUnderTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each guideline version's rules carry that version's codes: each exactly once, with the
 * guideline's outcome. v2 is v1 with the guideline's v2 rows applied and nothing else.
 */
class RuleCatalogueTest {

    /** The codes whose rules v2 changes: the rows of "Guideline v2 — what changes from v1", and the classification holding the moved severe-claim amount. */
    private static final Set<String> CHANGED_IN_V2 =
            Set.of("LOSS_HISTORY_SEVERITY", "LOSS_HISTORY_SEVERE", "PATCHING_CADENCE", "RECORDS_REFERRAL");

    private static final Set<RuleKind> REASON_KINDS = Set.of(RuleKind.DECLINE, RuleKind.REFER, RuleKind.CONDITION);

    private final List<RuleDefinition> rules = RulesUnderTest.ruleSet().rules();
    private final Map<String, String> guideline = RulesUnderTest.guidelineCodes();

    @Test
    void v1GuidelineHasFortyOneCodes() {
        assertEquals(41, GuidelineUnderTest.V1.guidelineCodes().size());
    }

    @Test
    void v2RetiresTheCoinsuranceAndAddsSixCodes() {
        Set<String> v1 = GuidelineUnderTest.V1.guidelineCodes().keySet();
        Set<String> v2 = GuidelineUnderTest.V2.guidelineCodes().keySet();
        assertEquals(Set.of("RANSOMWARE_COINSURANCE"), difference(v1, v2), "retired in v2");
        assertEquals(
                Set.of(
                        "PRACTICE_MFA_PRIVILEGED_ACCESS",
                        "RANSOMWARE_SUBLIMIT",
                        "GENETIC_DATA_ILLINOIS",
                        "ATTESTATION_CONFLICT",
                        "LEAKED_CREDENTIALS",
                        "STALE_EXTERNAL_SCAN"),
                difference(v2, v1),
                "new in v2");
    }

    @Test
    void aCodeInBothVersionsKeepsItsOutcome() {
        Map<String, String> v1 = GuidelineUnderTest.V1.guidelineCodes();
        Map<String, String> v2 = GuidelineUnderTest.V2.guidelineCodes();
        Map<String, String> changed = new TreeMap<>();
        v1.forEach((code, outcome) -> {
            if (v2.containsKey(code) && !v2.get(code).equals(outcome)) {
                changed.put(code, outcome + " -> " + v2.get(code));
            }
        });
        assertEquals(Map.of(), changed);
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyGuidelineCodeIsCarriedByExactlyOneRule(GuidelineUnderTest version) {
        Map<String, Long> rulesPerCode = rules(version).stream()
                .collect(Collectors.groupingBy(RuleDefinition::code, TreeMap::new, Collectors.counting()));
        Map<String, Long> wrong = new TreeMap<>();
        version.guidelineCodes().keySet().forEach(code -> {
            long count = rulesPerCode.getOrDefault(code, 0L);
            if (count != 1) {
                wrong.put(code, count);
            }
        });
        assertEquals(Map.of(), wrong, "guideline codes carried by other than one rule");
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void noTwoRulesShareACode(GuidelineUnderTest version) {
        Set<String> seen = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        rules(version).forEach(rule -> {
            if (!seen.add(rule.code())) {
                shared.add(rule.code());
            }
        });
        assertEquals(Set.of(), shared);
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyReasonRuleGivesTheGuidelineOutcomeForItsCode(GuidelineUnderTest version) {
        Map<String, String> actual = rules(version).stream()
                .filter(rule -> REASON_KINDS.contains(rule.kind()))
                .collect(Collectors.toMap(
                        RuleDefinition::code, rule -> rule.kind().name(), (a, b) -> a, TreeMap::new));
        assertEquals(new TreeMap<>(version.guidelineCodes()), actual);
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyReferralNeedsTheGuidelineAuthorityForItsCode(GuidelineUnderTest version) {
        Map<String, String> authority = RulesUnderTest.guidelineAuthority();
        Map<String, String> expected = new TreeMap<>();
        version.guidelineCodes().forEach((code, outcome) -> {
            if (outcome.equals("REFER")) {
                expected.put(code, authority.getOrDefault(code, "(not in the authority table)"));
            }
        });
        Map<String, String> actual = rules(version).stream()
                .filter(rule -> rule.kind() == RuleKind.REFER)
                .collect(Collectors.toMap(
                        RuleDefinition::code, rule -> String.valueOf(rule.authority()), (a, b) -> a, TreeMap::new));
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void onlyReferralsCarryAnAuthority(GuidelineUnderTest version) {
        rules(version).stream()
                .filter(rule -> rule.kind() != RuleKind.REFER)
                .forEach(rule -> assertEquals(null, rule.authority(), rule.code()));
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void derivedFactRulesUseCodesOutsideTheGuideline(GuidelineUnderTest version) {
        Map<String, String> guideline = version.guidelineCodes();
        rules(version).stream()
                .filter(rule -> !REASON_KINDS.contains(rule.kind()))
                .forEach(rule -> assertFalse(
                        guideline.containsKey(rule.code()), rule.code() + " is a reason code but inserts no reason"));
    }

    @ParameterizedTest
    @EnumSource(GuidelineUnderTest.class)
    void everyRuleHasACodeAndADescription(GuidelineUnderTest version) {
        Map<String, RuleDefinition> incomplete = rules(version).stream()
                .filter(rule -> rule.code() == null
                        || rule.code().isBlank()
                        || rule.description() == null
                        || rule.description().isBlank())
                .collect(Collectors.toMap(RuleDefinition::name, Function.identity()));
        assertEquals(Map.of(), incomplete);
    }

    /** "Everything in v1 stands in v2 except the rows below": the same source text, in the same file. */
    @Test
    void v2KeepsEveryOtherV1RuleAsItIs() {
        Map<String, RuleDefinition> v2 = byCode(GuidelineUnderTest.V2);
        Map<String, String> differs = new TreeMap<>();
        byCode(GuidelineUnderTest.V1).forEach((code, rule) -> {
            RuleDefinition now = v2.get(code);
            if (CHANGED_IN_V2.contains(code) || code.equals("RANSOMWARE_COINSURANCE")) {
                return;
            }
            if (now == null) {
                differs.put(code, "missing from v2");
            } else if (!now.file().equals(rule.file()) || !now.name().equals(rule.name())) {
                differs.put(
                        code, rule.file() + " \"" + rule.name() + "\" -> " + now.file() + " \"" + now.name() + "\"");
            } else if (!now.fingerprint().equals(rule.fingerprint())) {
                differs.put(code, "\"" + rule.name() + "\" is written differently");
            }
        });
        assertEquals(Map.of(), differs, "v1 rules v2 changes though the guideline does not");
    }

    /** Platforms see a reason's rule name: where only a threshold moves, the name stays. */
    @Test
    void aReasonRuleWhoseThresholdMovesKeepsItsNameAndChangesItsText() {
        Map<String, RuleDefinition> v1 = byCode(GuidelineUnderTest.V1);
        Map<String, RuleDefinition> v2 = byCode(GuidelineUnderTest.V2);
        for (String code : CHANGED_IN_V2) {
            RuleDefinition before = v1.get(code);
            RuleDefinition after = v2.get(code);
            if (before.kind() != RuleKind.DERIVED_FACT) {
                assertEquals(before.name(), after.name(), code);
            }
            assertFalse(before.fingerprint().equals(after.fingerprint()), code + " is listed as changed but is not");
            assertFalse(before.description().equals(after.description()), code + "'s description still states v1");
        }
    }

    private static List<RuleDefinition> rules(GuidelineUnderTest version) {
        return version.ruleSet().rules();
    }

    private static Map<String, RuleDefinition> byCode(GuidelineUnderTest version) {
        return rules(version).stream().collect(Collectors.toMap(RuleDefinition::code, Function.identity()));
    }

    private static Set<String> difference(Set<String> from, Set<String> minus) {
        Set<String> left = new TreeSet<>(from);
        left.removeAll(minus);
        return left;
    }
}
