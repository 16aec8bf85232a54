package com.healthcyber.underwriting.engine;

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
import org.drools.drl.parser.DroolsParserException;

/** What the DRL parser tells about one file: its package, and its rules with their lines and metadata. */
final class ParsedRuleFile {

    private static final Pattern REASON_CALL = Pattern.compile("\\b(decline|refer|condition)\\s*\\(\\s*drools\\b");

    private final RuleFile file;
    private final PackageDescr descr;
    private final List<String> lines;

    private ParsedRuleFile(RuleFile file, PackageDescr descr) {
        this.file = file;
        this.descr = descr;
        this.lines = file.content().lines().toList();
    }

    static ParsedRuleFile parse(RuleFile file) {
        try {
            return new ParsedRuleFile(file, new DrlParser().parse(false, file.content()));
        } catch (DroolsParserException e) {
            // The KieBuilder reports the same syntax error with its location.
            return new ParsedRuleFile(file, null);
        }
    }

    String path() {
        return file.path();
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
        return descr == null ? List.of() : descr.getRules().stream().filter(RuleDescr::isRule).toList();
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
        return rules().stream().filter(rule -> name.equals(rule.getName())).findFirst().orElse(null);
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

    private static RuleKind kind(RuleDescr rule) {
        Matcher call = REASON_CALL.matcher(String.valueOf(rule.getConsequence()));
        return call.find() ? RuleKind.valueOf(call.group(1).toUpperCase(Locale.ROOT)) : RuleKind.DERIVED_FACT;
    }

    /** The rule's source text, whitespace-normalised: equal fingerprints mean the rule did not change. */
    private String fingerprint(RuleDescr rule) {
        int from = Math.max(rule.getLine() - 1, 0);
        int to = Math.min(endLine(rule), lines.size());
        String text = String.join(" ", lines.subList(from, to)).replaceAll("\\s+", " ").trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
