package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.AuthorityLevel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/** What the DRL parser tells about one file: its package, and its rules with their lines and metadata. */
final class ParsedRuleFile {

    private static final Pattern REASON_CALL =
            Pattern.compile("\\b(decline|refer|condition|requireAuthority)\\s*\\(\\s*drools\\b");

    private final RuleFile file;
    private final PackageDescr descr;
    private final List<String> lines;
    private final List<RuleProblem> syntaxErrors;

    private ParsedRuleFile(RuleFile file, PackageDescr descr, List<RuleProblem> syntaxErrors) {
        this.file = file;
        this.descr = syntaxErrors.isEmpty() ? descr : null;
        this.lines = file.content().lines().toList();
        this.syntaxErrors = syntaxErrors;
    }

    static ParsedRuleFile parse(RuleFile file) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(false, file.content());
            List<RuleProblem> errors = parser.getErrors().stream()
                    .map(error -> syntaxError(file, error))
                    .toList();
            if (descr == null && errors.isEmpty()) {
                errors = List.of(new RuleProblem(file.path(), 0, null, "does not parse"));
            }
            return new ParsedRuleFile(file, descr, errors);
        } catch (DroolsParserException e) {
            return new ParsedRuleFile(
                    file, null, List.of(new RuleProblem(file.path(), 0, null, String.valueOf(e.getMessage()))));
        }
    }

    private static RuleProblem syntaxError(RuleFile file, DroolsError error) {
        int[] lines = error.getLines();
        int line = lines == null || lines.length == 0 ? 0 : Math.max(lines[0], 0);
        return RuleSetCompiler.problem(file.path(), line, error.getMessage());
    }

    String path() {
        return file.path();
    }

    /**
     * What the parser found wrong, each with its line; empty when the file parses. A file that
     * does not parse leaves its package without the types and functions it declares, so the
     * compiler's complaints about other files are consequences, not causes.
     */
    List<RuleProblem> syntaxErrors() {
        return syntaxErrors;
    }

    /** Null when the file does not parse. */
    PackageDescr descr() {
        return descr;
    }

    List<String> lines() {
        return lines;
    }

    String packagePath() {
        String name = descr == null ? null : descr.getName();
        return name == null || name.isBlank() ? "" : name.replace('.', '/') + "/";
    }

    List<RuleDescr> rules() {
        return descr == null
                ? List.of()
                : descr.getRules().stream().filter(RuleDescr::isRule).toList();
    }

    RuleDescr ruleAt(int line) {
        for (RuleDescr rule : rules()) {
            if (line >= rule.getLine() && line <= endLine(rule)) {
                return rule;
            }
        }
        return null;
    }

    /** The parser's end line stops at the consequence; the rule's text runs to its {@code end}. */
    private int endLine(RuleDescr rule) {
        for (int index = Math.max(rule.getLine() - 1, 0); index < lines.size(); index++) {
            if (lines.get(index).strip().equals("end")) {
                return index + 1;
            }
        }
        return Math.max(rule.getEndLine(), rule.getLine());
    }

    RuleDescr rule(String name) {
        return rules().stream()
                .filter(rule -> name.equals(rule.getName()))
                .findFirst()
                .orElse(null);
    }

    List<RuleDefinition> definitions() {
        return rules().stream()
                .map(rule -> new RuleDefinition(
                        metadata(rule, RuleMetadata.CODE),
                        rule.getName(),
                        file.path(),
                        rule.getLine(),
                        metadata(rule, RuleMetadata.DESCRIPTION),
                        kind(rule),
                        AuthorityLevel.named(metadata(rule, RuleMetadata.AUTHORITY))
                                .orElse(null),
                        fingerprint(rule)))
                .toList();
    }

    static String metadata(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValueStripped() == null) {
            return null;
        }
        return String.valueOf(annotation.getSingleValueStripped());
    }

    static RuleKind kind(RuleDescr rule) {
        Matcher call = REASON_CALL.matcher(String.valueOf(rule.getConsequence()));
        if (!call.find()) {
            return RuleKind.DERIVED_FACT;
        }
        return call.group(1).equals("requireAuthority")
                ? RuleKind.AUTHORITY
                : RuleKind.valueOf(call.group(1).toUpperCase(Locale.ROOT));
    }

    /** The rule's source text, whitespace-normalised: equal fingerprints mean the rule did not change. */
    private String fingerprint(RuleDescr rule) {
        int from = Math.max(rule.getLine() - 1, 0);
        int to = Math.min(endLine(rule), lines.size());
        String text = String.join(" ", lines.subList(from, to))
                .replaceAll("\\s+", " ")
                .trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
