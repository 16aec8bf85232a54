package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.AuthorityLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * House rules for DRL that the compiler does not enforce: every rule is identified and
 * described, every referral says which authority may resolve it, decisions do not depend on rule
 * order, on the clock or on anything outside the application, rules only insert reasons, no rule
 * names another rule's code in a string, and none matches another rule's reason by anything but
 * its outcome.
 */
final class RuleLinter {

    /** Attributes that order or time rules: a decision must not depend on either. */
    private static final List<String> FORBIDDEN_ATTRIBUTES = List.of(
            "salience",
            "agenda-group",
            "ruleflow-group",
            "activation-group",
            "auto-focus",
            "lock-on-active",
            "timer",
            "calendars",
            "date-effective",
            "date-expires",
            "duration");

    private record Forbidden(Pattern pattern, String why) {}

    private static final List<Forbidden> FORBIDDEN_CODE = List.of(
            new Forbidden(
                    Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b"),
                    "prints to the console; put what the underwriter needs in the reason's message"),
            new Forbidden(
                    Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\b"),
                    "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(
                    Pattern.compile(
                            "\\b(LocalDate|LocalDateTime|LocalTime|Instant|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)\\s*\\.\\s*now\\s*\\("),
                    "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(
                    Pattern.compile("\\bnew\\s+(java\\.util\\.)?(Date|GregorianCalendar)\\s*\\("),
                    "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(
                    Pattern.compile("\\b(Clock|Calendar\\s*\\.\\s*getInstance)\\b"),
                    "reads the clock; compare with coverage.effectiveDate instead"),
            new Forbidden(
                    Pattern.compile(
                            "\\bSystem\\s*\\.\\s*(exit|getenv|getProperty|setProperty|load|gc)\\b|\\bRuntime\\b|\\bProcessBuilder\\b"),
                    "reaches outside the rules"),
            new Forbidden(
                    Pattern.compile(
                            "\\bjava\\s*\\.\\s*(io|nio|net)\\b|\\b(Files|Paths|FileReader|FileWriter|FileInputStream|FileOutputStream|Socket|URL|HttpClient)\\b|\\bnew\\s+File\\s*\\("),
                    "does file or network I/O"),
            new Forbidden(Pattern.compile("\\b(Thread|Executors?|CompletableFuture)\\b"), "starts threads"),
            new Forbidden(
                    Pattern.compile(
                            "\\b(Math\\s*\\.\\s*random|Random|UUID\\s*\\.\\s*randomUUID|ThreadLocalRandom|SecureRandom)\\b"),
                    "is random: the same application must always get the same decision"));

    /** A string literal, its quotes excluded; DRL strings do not span lines. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** What a reason code looks like: {@code LOSS_HISTORY_SEVERE}. */
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+");
    /** A literal compared with a code: {@code Reason( code == "TERRITORY" )}, {@code code in ( "A", "B" )}. */
    private static final Pattern COMPARED_WITH_CODE =
            Pattern.compile("\\bcode\\s*(?:==|!=|(?:not\\s+)?in\\s*\\((?:\\s*\"[^\"]*\"\\s*,)*)\\s*$");
    /** Literals that name things rather than refer to them: a rule's name, an annotation's value. */
    private static final Pattern NAMING = Pattern.compile("(?:\\brule|\\bquery|@\\w+\\s*\\()\\s*$");

    /**
     * The one way a rule may match reasons other rules inserted: by their outcome, to count them
     * ("3 or more referral reasons"). A reason's code, rule or message belongs to the rule that
     * gave it; matching on those couples two rules through text neither compiler nor catalogue
     * checks.
     */
    private static final Pattern BY_OUTCOME_ONLY =
            Pattern.compile("\\s*outcome\\s*(?:==|!=)\\s*(?:ReasonOutcome\\s*\\.\\s*)?(?:DECLINE|REFER|CONDITION)\\s*");

    private static final String LEVELS =
            Arrays.stream(AuthorityLevel.values()).map(Enum::name).collect(Collectors.joining(", "));

    private RuleLinter() {}

    static List<RuleProblem> lint(List<ParsedRuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> firstRuleByCode = new HashMap<>();
        Map<String, Integer> rulesByCode = new HashMap<>();
        for (ParsedRuleFile file : files) {
            for (RuleDescr rule : file.rules()) {
                String code = ParsedRuleFile.metadata(rule, RuleMetadata.CODE);
                if (code != null && !code.isBlank()) {
                    rulesByCode.merge(code, 1, Integer::sum);
                }
            }
        }
        for (ParsedRuleFile file : files) {
            if (file.descr() == null) {
                continue; // a syntax error, reported by the compiler
            }
            for (GlobalDescr global : file.descr().getGlobals()) {
                problems.add(new RuleProblem(
                        file.path(),
                        global.getLine(),
                        null,
                        "declares global " + global.getIdentifier()
                                + ": rules only insert Reason facts, and thresholds are facts too"));
            }
            for (RuleDescr rule : file.rules()) {
                lintRule(file, rule, firstRuleByCode, problems);
            }
            lintCode(file, rulesByCode, problems);
        }
        return problems;
    }

    private static void lintRule(
            ParsedRuleFile file, RuleDescr rule, Map<String, String> firstRuleByCode, List<RuleProblem> problems) {
        String code = ParsedRuleFile.metadata(rule, RuleMetadata.CODE);
        if (code == null || code.isBlank()) {
            problems.add(new RuleProblem(
                    file.path(), rule.getLine(), rule.getName(), "has no @code: every rule needs a stable code"));
        } else {
            String first = firstRuleByCode.putIfAbsent(code, file.path() + " rule \"" + rule.getName() + "\"");
            if (first != null) {
                problems.add(new RuleProblem(
                        file.path(),
                        rule.getLine(),
                        rule.getName(),
                        "uses @code " + code + ", already used by " + first));
            }
        }
        String description = ParsedRuleFile.metadata(rule, RuleMetadata.DESCRIPTION);
        if (description == null || description.isBlank()) {
            problems.add(new RuleProblem(
                    file.path(),
                    rule.getLine(),
                    rule.getName(),
                    "has no @description: say when the rule applies and what it does"));
        }
        lintAuthority(file, rule, problems);
        lintReasonMatches(file, rule, problems);
        for (String attribute : rule.getAttributes().keySet()) {
            if (FORBIDDEN_ATTRIBUTES.contains(attribute)) {
                problems.add(
                        new RuleProblem(
                                file.path(),
                                rule.getAttributes().get(attribute).getLine() > 0
                                        ? rule.getAttributes().get(attribute).getLine()
                                        : rule.getLine(),
                                rule.getName(),
                                "uses " + attribute
                                        + ": a decision must not depend on rule order or time; every rule that applies contributes its reason"));
            }
        }
    }

    /**
     * A referral needs the level that may resolve it, one of the guideline's; only a referral has
     * one (an authority rule names its level in {@code requireAuthority}).
     */
    private static void lintAuthority(ParsedRuleFile file, RuleDescr rule, List<RuleProblem> problems) {
        String authority = ParsedRuleFile.metadata(rule, RuleMetadata.AUTHORITY);
        boolean refers = ParsedRuleFile.kind(rule) == RuleKind.REFER;
        String problem = null;
        if (refers && (authority == null || authority.isBlank())) {
            problem = "has no @authority: a referral says which underwriter may resolve it, one of " + LEVELS;
        } else if (refers && AuthorityLevel.named(authority).isEmpty()) {
            problem = "has @authority(\"" + authority + "\"), which is not a level; use one of " + LEVELS;
        } else if (!refers && authority != null) {
            problem = "has @authority but does not refer: only a referral carries one; an authority rule names its "
                    + "level in requireAuthority( drools, AuthorityLevel.…, \"…\" )";
        }
        if (problem != null) {
            problems.add(new RuleProblem(file.path(), rule.getLine(), rule.getName(), problem));
        }
    }

    private static void lintReasonMatches(ParsedRuleFile file, RuleDescr rule, List<RuleProblem> problems) {
        List<PatternDescr> reasons = new ArrayList<>();
        reasonPatterns(rule.getLhs(), reasons);
        for (PatternDescr pattern : reasons) {
            for (BaseDescr constraint : pattern.getDescrs()) {
                String expression = constraint.getText() != null
                        ? constraint.getText()
                        : constraint instanceof ExprConstraintDescr expr ? expr.getExpression() : "";
                // A code named in a string is reported by lintCodeReferences, with its own advice.
                if (expression == null
                        || expression.contains("\"")
                        || BY_OUTCOME_ONLY.matcher(expression).matches()) {
                    continue;
                }
                problems.add(new RuleProblem(
                        file.path(),
                        pattern.getLine() > 0 ? pattern.getLine() : rule.getLine(),
                        rule.getName(),
                        "matches a Reason by '" + expression.strip() + "': a rule may match other rules' reasons "
                                + "only by outcome (Reason( outcome == ReasonOutcome.REFER ), to count them); refer to "
                                + "a rule through the classification fact its rules match (rules/README.md)"));
            }
        }
    }

    /** Every {@code Reason( … )} pattern of a rule's conditions, however deep: under not, exists, from collect, accumulate. */
    private static void reasonPatterns(BaseDescr descr, List<PatternDescr> found) {
        if (descr instanceof PatternDescr pattern) {
            String type = pattern.getObjectType();
            if (type != null && (type.equals("Reason") || type.endsWith(".Reason"))) {
                found.add(pattern);
            }
            if (pattern.getSource() != null) {
                reasonPatterns(pattern.getSource(), found);
            }
        }
        if (descr instanceof CollectDescr collect && collect.getInputPattern() != null) {
            reasonPatterns(collect.getInputPattern(), found);
        } else if (descr instanceof AccumulateDescr accumulate && accumulate.getInput() != null) {
            reasonPatterns(accumulate.getInput(), found);
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                reasonPatterns(child, found);
            }
        }
    }

    /** Line by line, so that a problem points at its line, whether in a rule, a function or an import. */
    private static void lintCode(ParsedRuleFile file, Map<String, Integer> rulesByCode, List<RuleProblem> problems) {
        List<String> lines = codeOnly(file.lines());
        for (int index = 0; index < lines.size(); index++) {
            String code = lines.get(index);
            RuleDescr rule = file.ruleAt(index + 1);
            for (Forbidden forbidden : FORBIDDEN_CODE) {
                Matcher match = forbidden.pattern().matcher(code);
                if (match.find()) {
                    problems.add(new RuleProblem(
                            file.path(),
                            index + 1,
                            rule == null ? null : rule.getName(),
                            "'" + match.group().trim() + "' " + forbidden.why()));
                }
            }
            lintCodeReferences(file, index + 1, code, rule, rulesByCode, problems);
        }
    }

    /**
     * A rule that matches another rule's reason by its code ({@code not Reason( code == "…" )})
     * is coupled to it through text neither the compiler nor the catalogue checks: a renamed or
     * mistyped code silently turns the match off. Rules refer to one another through
     * classification facts instead, so every code named in a string is a problem: one that no
     * rule (or more than one) carries says so, one that exists says what to do instead.
     */
    private static void lintCodeReferences(
            ParsedRuleFile file,
            int line,
            String code,
            RuleDescr rule,
            Map<String, Integer> rulesByCode,
            List<RuleProblem> problems) {
        Matcher literal = STRING_LITERAL.matcher(code);
        while (literal.find()) {
            String before = code.substring(0, literal.start());
            String value = literal.group(1);
            if (NAMING.matcher(before).find()) {
                continue;
            }
            int carriers = rulesByCode.getOrDefault(value, 0);
            if (carriers == 0
                    && !CODE_SHAPE.matcher(value).matches()
                    && !COMPARED_WITH_CODE.matcher(before).find()) {
                continue; // a message, a country: not a code
            }
            String why = switch (carriers) {
                case 0 -> "no rule has @code " + value + ", so whatever depends on it silently never matches";
                case 1 ->
                    "a rule that renames its code would silently break this; refer to it through the classification fact "
                            + "its rules match (rules/README.md, \"Bands and classifications\")";
                default -> carriers + " rules have @code " + value;
            };
            problems.add(new RuleProblem(
                    file.path(),
                    line,
                    rule == null ? null : rule.getName(),
                    "refers to the code \"" + value
                            + "\" through a string, which neither the compiler nor the linter can check: " + why));
        }
    }

    /** Each line with its comments blanked out; string literals are kept, so "//" in a string is not a comment. */
    private static List<String> codeOnly(List<String> lines) {
        List<String> code = new ArrayList<>(lines.size());
        boolean inBlockComment = false;
        for (String line : lines) {
            StringBuilder kept = new StringBuilder();
            boolean inString = false;
            for (int at = 0; at < line.length(); at++) {
                char c = line.charAt(at);
                if (inBlockComment) {
                    if (line.startsWith("*/", at)) {
                        inBlockComment = false;
                        at++;
                    }
                } else if (inString) {
                    kept.append(c);
                    if (c == '\\' && at + 1 < line.length()) {
                        kept.append(line.charAt(++at));
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (line.startsWith("/*", at)) {
                    inBlockComment = true;
                    at++;
                } else if (line.startsWith("//", at)) {
                    break;
                } else {
                    inString = c == '"';
                    kept.append(c);
                }
            }
            code.add(kept.toString());
        }
        return code;
    }
}
