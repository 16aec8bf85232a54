package com.healthcyber.underwriting.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * House rules for DRL that the compiler does not enforce: every rule is identified and
 * described, decisions do not depend on rule order, on the clock or on anything outside the
 * application, and rules only insert reasons.
 */
final class RuleLinter {

    /** Attributes that order or time rules: a decision must not depend on either. */
    private static final List<String> FORBIDDEN_ATTRIBUTES = List.of(
            "salience", "agenda-group", "ruleflow-group", "activation-group", "auto-focus",
            "lock-on-active", "timer", "calendars", "date-effective", "date-expires", "duration");

    private record Forbidden(Pattern pattern, String why) {}

    private static final List<Forbidden> FORBIDDEN_CODE = List.of(
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b"), "prints to the console; put what the underwriter needs in the reason's message"),
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\b"), "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(Pattern.compile("\\b(LocalDate|LocalDateTime|LocalTime|Instant|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)\\s*\\.\\s*now\\s*\\("), "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(Pattern.compile("\\bnew\\s+(java\\.util\\.)?(Date|GregorianCalendar)\\s*\\("), "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(Pattern.compile("\\b(Clock|Calendar\\s*\\.\\s*getInstance)\\b"), "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(Pattern.compile("\\bSystem\\s*\\.\\s*(exit|getenv|getProperty|setProperty|load|gc)\\b|\\bRuntime\\b|\\bProcessBuilder\\b"), "reaches outside the rules"),
            new Forbidden(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\b(Files|Paths|FileReader|FileWriter|FileInputStream|FileOutputStream|Socket|URL|HttpClient)\\b|\\bnew\\s+File\\s*\\("), "does file or network I/O"),
            new Forbidden(Pattern.compile("\\b(Thread|Executors?|CompletableFuture)\\b"), "starts threads"),
            new Forbidden(Pattern.compile("\\b(Math\\s*\\.\\s*random|Random|UUID\\s*\\.\\s*randomUUID|ThreadLocalRandom|SecureRandom)\\b"), "is random: the same application must always get the same decision"));

    private RuleLinter() {}

    static List<RuleProblem> lint(List<ParsedRuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> firstRuleByCode = new HashMap<>();
        for (ParsedRuleFile file : files) {
            if (file.descr() == null) {
                continue; // a syntax error, reported by the compiler
            }
            for (GlobalDescr global : file.descr().getGlobals()) {
                problems.add(new RuleProblem(file.path(), global.getLine(), null,
                        "declares global " + global.getIdentifier() + ": rules only insert Reason facts, and thresholds are facts too"));
            }
            for (RuleDescr rule : file.rules()) {
                lintRule(file, rule, firstRuleByCode, problems);
            }
            lintCode(file, problems);
        }
        return problems;
    }

    private static void lintRule(ParsedRuleFile file, RuleDescr rule, Map<String, String> firstRuleByCode, List<RuleProblem> problems) {
        String code = ParsedRuleFile.metadata(rule, RuleMetadata.CODE);
        if (code == null || code.isBlank()) {
            problems.add(new RuleProblem(file.path(), rule.getLine(), rule.getName(), "has no @code: every rule needs a stable code"));
        } else {
            String first = firstRuleByCode.putIfAbsent(code, file.path() + " rule \"" + rule.getName() + "\"");
            if (first != null) {
                problems.add(new RuleProblem(file.path(), rule.getLine(), rule.getName(), "uses @code " + code + ", already used by " + first));
            }
        }
        String description = ParsedRuleFile.metadata(rule, RuleMetadata.DESCRIPTION);
        if (description == null || description.isBlank()) {
            problems.add(new RuleProblem(file.path(), rule.getLine(), rule.getName(), "has no @description: say when the rule applies and what it does"));
        }
        for (String attribute : rule.getAttributes().keySet()) {
            if (FORBIDDEN_ATTRIBUTES.contains(attribute)) {
                problems.add(new RuleProblem(file.path(), rule.getAttributes().get(attribute).getLine() > 0
                        ? rule.getAttributes().get(attribute).getLine() : rule.getLine(), rule.getName(),
                        "uses " + attribute + ": a decision must not depend on rule order or time; every rule that applies contributes its reason"));
            }
        }
    }

    /** Line by line, so that a problem points at its line, whether in a rule, a function or an import. */
    private static void lintCode(ParsedRuleFile file, List<RuleProblem> problems) {
        List<String> lines = file.lines();
        boolean inBlockComment = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            StringBuilder code = new StringBuilder();
            for (int at = 0; at < line.length(); at++) {
                if (inBlockComment) {
                    if (line.startsWith("*/", at)) {
                        inBlockComment = false;
                        at++;
                    }
                } else if (line.startsWith("/*", at)) {
                    inBlockComment = true;
                    at++;
                } else if (line.startsWith("//", at)) {
                    break;
                } else {
                    code.append(line.charAt(at));
                }
            }
            for (Forbidden forbidden : FORBIDDEN_CODE) {
                Matcher match = forbidden.pattern().matcher(code);
                if (match.find()) {
                    RuleDescr rule = file.ruleAt(index + 1);
                    problems.add(new RuleProblem(file.path(), index + 1, rule == null ? null : rule.getName(),
                            "'" + match.group().trim() + "' " + forbidden.why()));
                }
            }
        }
    }
}
