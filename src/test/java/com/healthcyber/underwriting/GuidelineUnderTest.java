package com.healthcyber.underwriting;

import com.healthcyber.underwriting.application.TransactionType;
import com.healthcyber.underwriting.engine.InvalidRuleSetException;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.StrictJson;
import com.healthcyber.underwriting.ruleset.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each guideline version's real folder under {@code rules/}, compiled once per test JVM, with the
 * reason codes and the window the guideline gives that version ("Guideline versions": v2 from
 * 2027-07-01 for new business, a quarter later for renewals). Tests that hold for every version
 * take this as a parameter, so a new version is checked as strictly as v1 by adding a constant.
 */
public enum GuidelineUnderTest {
    V1("rules/v1", "src/test/resources/guideline-v1-codes.txt", LocalDate.MIN, LocalDate.MIN),
    V2("rules/v2", "src/test/resources/guideline-v2-codes.txt", LocalDate.of(2027, 7, 1), LocalDate.of(2027, 10, 1));

    private final Path directory;
    private final Path codes;
    private final LocalDate newBusinessFrom;
    private final LocalDate renewalFrom;
    private RuleSet ruleSet;

    GuidelineUnderTest(String directory, String codes, LocalDate newBusinessFrom, LocalDate renewalFrom) {
        this.directory = Path.of(directory);
        this.codes = Path.of(codes);
        this.newBusinessFrom = newBusinessFrom;
        this.renewalFrom = renewalFrom;
    }

    /** Whether the guideline has this version decide an application of this type and date: from its start to the next version's. */
    public boolean decides(TransactionType type, LocalDate effectiveDate) {
        GuidelineUnderTest next = ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
        LocalDate from = type == TransactionType.RENEWAL ? renewalFrom : newBusinessFrom;
        LocalDate until =
                next == null ? null : type == TransactionType.RENEWAL ? next.renewalFrom : next.newBusinessFrom;
        return !effectiveDate.isBefore(from) && (until == null || effectiveDate.isBefore(until));
    }

    public Path directory() {
        return directory;
    }

    public synchronized RuleSet ruleSet() {
        if (ruleSet == null) {
            try {
                ruleSet = new RuleSetLoader(2).load(directory);
            } catch (InvalidRuleSetException e) {
                throw new AssertionError(directory + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ruleSet;
    }

    public ScenarioLoader.Loaded scenarios() {
        return new ScenarioLoader(StrictJson.newMapper()).load(directory);
    }

    /** Each reason code of this version with the outcome the guideline gives it. */
    public Map<String, String> guidelineCodes() {
        try {
            return Files.readAllLines(codes).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
