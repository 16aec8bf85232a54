package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.RulesUnderTest;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetCompilerTest {

    private static final String HEADER = """
            package underwriting.test;

            import com.healthcyber.underwriting.application.*;
            import function com.healthcyber.underwriting.engine.RuleFunctions.*;

            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler(1);

    @TempDir
    Path rules;

    @Test
    void reportsASyntaxErrorWithFileAndLine() throws IOException {
        write("common/broken.drl", HEADER + """
                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("x")
                when
                    Controls( mfaEmail == false
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """);
        InvalidRuleSetException rejected =
                assertThrows(InvalidRuleSetException.class, () -> compiler.compile(RuleSources.read(rules)));
        RuleProblem problem = rejected.problems().get(0);
        assertEquals("common/broken.drl", problem.file());
        assertTrue(problem.line() >= 9 && problem.line() <= 11, "line " + problem.line());
        assertEquals("Email without MFA", problem.rule());
    }

    @Test
    void reportsTheSyntaxErrorOfOneFileFirstAndNotItsConsequencesInOtherFiles() throws IOException {
        // product-appetite.drl declares ProductAppetite, which both products' appetite files use:
        // compiled anyway, this one missing parenthesis came back as 66 problems, itself the 23rd.
        Path copy = CopiedRules.freshVersion("v1");
        CopiedRules.edit(
                copy,
                "common/product-appetite.drl",
                "    Application( $product : product )",
                "    Application( $product : product ");
        InvalidRuleSetException rejected =
                assertThrows(InvalidRuleSetException.class, () -> compiler.compile(RuleSources.read(copy)));
        List<RuleProblem> problems = rejected.problems();
        RuleProblem first = problems.get(0);
        assertEquals("common/product-appetite.drl", first.file(), rejected.getMessage());
        assertEquals(20, first.line(), rejected.getMessage());
        assertEquals("Organization type outside the product's appetite", first.rule());
        assertTrue(first.toString().startsWith("common/product-appetite.drl:20 rule "), first.toString());
        assertTrue(
                problems.stream()
                        .allMatch(problem ->
                                problem.file() == null || problem.file().equals("common/product-appetite.drl")),
                "only the broken file is reported: " + rejected.getMessage());
        assertTrue(problems.size() <= 3, rejected.getMessage());
    }

    @Test
    void reportsAFunctionThatDoesNotCompileBeforeTheRulesItBreaks() throws IOException {
        Path copy = CopiedRules.freshVersion("v1");
        CopiedRules.edit(copy, "common/loss-history.drl", "((Claim) claim).paid());", "((Claim) claim).paid();");
        InvalidRuleSetException rejected =
                assertThrows(InvalidRuleSetException.class, () -> compiler.compile(RuleSources.read(copy)));
        RuleProblem first = rejected.problems().get(0);
        assertEquals("common/loss-history.drl", first.file(), rejected.getMessage());
        assertEquals(16, first.line(), rejected.getMessage());
        assertTrue(first.message().contains("Syntax error"), first.toString());
    }

    @Test
    void reportsAnErrorInsideARuleWithTheRuleName() throws IOException {
        write("ok.drl", HEADER + """
                rule "Fine rule"
                    @code("FINE")
                    @description("x")
                when
                    Controls( mfaEmail == false )
                then
                    insertLogical( decline( drools, "fine" ) );
                end
                """);
        write("cyber/typo.drl", HEADER.replace("underwriting.test", "underwriting.other") + """
                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("x")
                when
                    Controls( mfaEmail == false )
                then
                    insertLogical( declinee( drools, "email does not require MFA" ) );
                end
                """);
        InvalidRuleSetException rejected =
                assertThrows(InvalidRuleSetException.class, () -> compiler.compile(RuleSources.read(rules)));
        assertEquals(1, rejected.problems().size(), rejected.getMessage());
        RuleProblem problem = rejected.problems().get(0);
        assertEquals("cyber/typo.drl", problem.file());
        assertEquals("Email without MFA", problem.rule());
        assertTrue(problem.line() > 0);
        assertTrue(problem.toString().startsWith("cyber/typo.drl:"), problem.toString());
    }

    @Test
    void reportsAnUnknownFactField() throws IOException {
        write("typo.drl", HEADER + """
                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("x")
                when
                    Controls( mfaEmial == false )
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """);
        InvalidRuleSetException rejected =
                assertThrows(InvalidRuleSetException.class, () -> compiler.compile(RuleSources.read(rules)));
        assertEquals("typo.drl", rejected.problems().get(0).file());
        assertEquals("Email without MFA", rejected.problems().get(0).rule());
    }

    @Test
    void rejectsAnEmptyDirectory() {
        InvalidRuleSetException rejected =
                assertThrows(InvalidRuleSetException.class, () -> compiler.compile(RuleSources.read(rules)));
        assertTrue(rejected.problems().get(0).message().contains("no .drl file"));
    }

    @Test
    void rejectsAMissingDirectory() {
        assertThrows(IOException.class, () -> RuleSources.read(rules.resolve("absent")));
    }

    @Test
    void versionDependsOnPathsAndContentOnly() throws IOException {
        List<RuleFile> files = RuleSources.read(RulesUnderTest.DIRECTORY);
        String version = RuleSources.version(files);
        assertTrue(version.matches("sha256:[0-9a-f]{64}"), version);
        assertEquals(version, RuleSources.version(RuleSources.read(RulesUnderTest.DIRECTORY)));

        RuleFile first = files.get(0);
        List<RuleFile> edited = new java.util.ArrayList<>(files);
        edited.set(0, new RuleFile(first.path(), first.content() + " "));
        assertNotEquals(version, RuleSources.version(edited));

        List<RuleFile> renamed = new java.util.ArrayList<>(files);
        renamed.set(0, new RuleFile("renamed-" + first.path(), first.content()));
        assertNotEquals(version, RuleSources.version(renamed));
    }

    @Test
    void onlyDrlFilesBelongToTheRuleset() throws IOException {
        List<RuleFile> files = RuleSources.read(RulesUnderTest.DIRECTORY);
        assertFalse(files.isEmpty());
        assertTrue(files.stream().allMatch(file -> file.path().endsWith(".drl")));
        assertTrue(files.stream().noneMatch(file -> file.path().contains("\\")));
    }

    @Test
    void aRetiredRuleSetIsDisposedOnlyAfterItsLastEvaluation() throws Exception {
        write("ok.drl", HEADER + """
                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("x")
                when
                    Controls( mfaEmail == false )
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """);
        RuleSet ruleSet = compiler.compile(RuleSources.read(rules));
        assertTrue(ruleSet.tryAcquire());
        ruleSet.retire();
        assertFalse(ruleSet.isDisposed(), "an evaluation still holds it");
        ruleSet.release();
        assertTrue(ruleSet.isDisposed());
        assertFalse(ruleSet.tryAcquire());
    }

    private void write(String path, String content) throws IOException {
        Path file = rules.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
