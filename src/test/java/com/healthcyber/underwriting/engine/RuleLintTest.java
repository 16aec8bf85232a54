package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lint failures reject a ruleset exactly like compile errors, located at file, line and rule. */
class RuleLintTest {

    private static final String HEADER = """
            package underwriting.test;

            import com.healthcyber.underwriting.application.*;
            import function com.healthcyber.underwriting.engine.RuleFunctions.*;
            """;

    @TempDir
    Path rules;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            salience            | salience 10                                 | insertLogical( decline( drools, "x" ) );        | salience
            agenda-group        | agenda-group "first"                        | insertLogical( decline( drools, "x" ) );        | agenda-group
            ruleflow-group      | ruleflow-group "first"                      | insertLogical( decline( drools, "x" ) );        | ruleflow-group
            System.out          |                                             | System.out.println( "x" );                      | System.out
            new Date            |                                             | insertLogical( decline( drools, "" + new java.util.Date() ) ); | new java.util.Date(
            LocalDate.now       |                                             | insertLogical( decline( drools, "" + java.time.LocalDate.now() ) ); | LocalDate.now(
            file I/O            |                                             | insertLogical( decline( drools, "" + java.nio.file.Files.exists( null ) ) ); | java.nio
            """)
    void rejectsARuleThatDependsOnOrderClockOrOutsideWorld(
            String what, String attribute, String consequence, String named) throws IOException {
        write("common/bad.drl", HEADER + """

                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("Declined: email does not require MFA.")
                    %s
                when
                    Controls( mfaEmail == false )
                then
                    %s
                end
                """.formatted(attribute == null ? "" : attribute, consequence));
        RuleProblem problem = onlyProblem();
        assertEquals("common/bad.drl", problem.file());
        assertEquals("Email without MFA", problem.rule(), problem.toString());
        assertTrue(problem.line() >= 6 && problem.line() <= 14, problem.toString());
        assertTrue(problem.message().contains(named), problem.toString());
    }

    @Test
    void rejectsAGlobal() throws IOException {
        write("bad.drl", HEADER + """
                global java.util.List results;

                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("Declined: email does not require MFA.")
                when
                    Controls( mfaEmail == false )
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """);
        RuleProblem problem = onlyProblem();
        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("global results"), problem.toString());
    }

    @Test
    void rejectsARuleWithoutCodeOrDescription() throws IOException {
        write("bad.drl", HEADER + """
                rule "Email without MFA"
                when
                    Controls( mfaEmail == false )
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """);
        List<RuleProblem> problems = problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("@code")
                || problems.get(1).message().contains("@code"));
        assertTrue(problems.get(0).message().contains("@description")
                || problems.get(1).message().contains("@description"));
    }

    @Test
    void rejectsTwoRulesWithOneCode() throws IOException {
        String rule = """
                rule "%s"
                    @code("MISSING_MFA_EMAIL")
                    @description("Declined: email does not require MFA.")
                when
                    Controls( mfaEmail == false )
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """;
        write("a.drl", HEADER + rule.formatted("Email without MFA"));
        write("b.drl", HEADER.replace("underwriting.test", "underwriting.other") + rule.formatted("Mail without MFA"));
        RuleProblem problem = onlyProblem();
        assertEquals("b.drl", problem.file());
        assertTrue(problem.message().contains("already used by a.drl rule \"Email without MFA\""), problem.toString());
    }

    private static final String EMAIL_RULE = """
            rule "Email without MFA"
                @code("MISSING_MFA_EMAIL")
                @description("Declined: email does not require MFA.")
            when
                Controls( mfaEmail == false )
            then
                insertLogical( decline( drools, "email does not require MFA" ) );
            end

            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown code compared with code     | not Reason( code == "MISSING_MFA_EMAL" )                 | no rule has @code MISSING_MFA_EMAL
            unknown code in a list of codes     | Reason( code in ( "MISSING_MFA_EMAL" ) )               | no rule has @code MISSING_MFA_EMAL
            existing code compared with code    | not Reason( code == "MISSING_MFA_EMAIL" )                | classification fact
            existing code through another field | not Reason( "MISSING_MFA_EMAIL".equals( code ) )         | classification fact
            """)
    void rejectsARuleThatRefersToACodeThroughAString(String what, String reference, String why) throws IOException {
        write("common/coupled.drl", HEADER + "\n" + EMAIL_RULE + """
                rule "Remote access without MFA"
                    @code("MISSING_MFA_REMOTE_ACCESS")
                    @description("Declined: remote access does not require MFA.")
                when
                    Controls( mfaRemoteAccess == false )
                    %s
                then
                    insertLogical( decline( drools, "remote access does not require MFA" ) );
                end
                """.formatted(reference));
        List<RuleProblem> problems = problems();
        RuleProblem problem = problems.stream()
                .filter(p ->
                        p.message().contains("MISSING_MFA_EMAL") || p.message().contains("MISSING_MFA_EMAIL"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("common/coupled.drl", problem.file());
        assertEquals(20, problem.line(), problem.toString());
        assertEquals("Remote access without MFA", problem.rule(), problem.toString());
        assertTrue(problem.message().contains(why), problem.toString());
        assertTrue(
                problem.toString().startsWith("common/coupled.drl:20 rule \"Remote access without MFA\""),
                problem.toString());
    }

    @Test
    void rejectsACodeNamedInAStringInAConsequence() throws IOException {
        write(
                "common/coupled.drl",
                HEADER + "\n" + EMAIL_RULE.replace("\"email does not require MFA\"", "\"LOSS_HISTORY\""));
        RuleProblem problem = onlyProblem();
        assertEquals(12, problem.line(), problem.toString());
        assertEquals("Email without MFA", problem.rule(), problem.toString());
        assertTrue(problem.message().contains("no rule has @code LOSS_HISTORY"), problem.toString());
    }

    @Test
    void acceptsCodesInAnnotationsCommentsAndPlainStrings() throws Exception {
        write("ok.drl", HEADER + """
                // not Reason( code == "MISSING_MFA_EMAIL" ) is how rules used to refer to one another
                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("Declined: email does not require MFA, unlike MISSING_MFA_REMOTE_ACCESS.")
                when
                    Controls( mfaEmail == false ) /* not Reason( code == "NO_SUCH_CODE" ) */
                    Applicant( country == "US" )
                then
                    insertLogical( decline( drools, "email does not require MFA // in the US" ) );
                end
                """);
        assertEquals(1, new RuleSetLoader(1).load(rules).rules().size());
    }

    @Test
    void ignoresForbiddenWordsInComments() throws Exception {
        write("ok.drl", HEADER + """
                // System.out would be wrong here, and so would LocalDate.now()
                rule "Email without MFA"
                    @code("MISSING_MFA_EMAIL")
                    @description("Declined: email does not require MFA.")
                when
                    Controls( mfaEmail == false ) /* new Date() */
                then
                    insertLogical( decline( drools, "email does not require MFA" ) );
                end
                """);
        assertEquals(1, new RuleSetLoader(1).load(rules).rules().size());
    }

    private static final String REFERRAL = """
            rule "No incident response plan"
                @code("NO_INCIDENT_RESPONSE_PLAN")
                @description("Referred: there is no incident response plan.")
                %s
            when
                Controls( incidentResponsePlan == false )
            then
                insertLogical( refer( drools, "no incident response plan" ) );
            end
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a referral without @authority        |                                 | has no @authority
            a referral with an unknown level     | @authority("CHIEF_UNDERWRITER") | is not a level
            a referral with a level in lowercase | @authority("underwriter")       | is not a level
            """)
    void rejectsAReferralWithoutALevelThatMayResolveIt(String what, String annotation, String why) throws IOException {
        write("common/referral.drl", HEADER + REFERRAL.formatted(annotation == null ? "" : annotation));
        RuleProblem problem = onlyProblem();
        assertEquals("No incident response plan", problem.rule(), problem.toString());
        assertTrue(problem.message().contains(why), problem.toString());
        assertTrue(
                problem.message().contains("UNDERWRITER, SENIOR_UNDERWRITER, UNDERWRITING_MANAGER"),
                problem.toString());
    }

    @Test
    void rejectsAnAuthorityOnARuleThatDoesNotRefer() throws IOException {
        write(
                "common/decline.drl",
                HEADER + EMAIL_RULE.replace("@description", "@authority(\"UNDERWRITER\")\n    @description"));
        RuleProblem problem = onlyProblem();
        assertEquals("Email without MFA", problem.rule(), problem.toString());
        assertTrue(problem.message().contains("does not refer"), problem.toString());
    }

    @Test
    void acceptsAReferralWithItsLevelAndAnAuthorityRuleCountingReferralsByOutcome() throws Exception {
        write("common/referral.drl", HEADER + REFERRAL.formatted("@authority(\"UNDERWRITER\")") + """

                rule "Two or more referral reasons need a senior underwriter"
                    @code("TWO_REFERRAL_REASONS")
                    @description("Needs SENIOR_UNDERWRITER: two or more referral reasons.")
                when
                    $referrals : java.util.List( size >= 2 ) from collect( Reason( outcome == ReasonOutcome.REFER ) )
                then
                    insertLogical( requireAuthority( drools, AuthorityLevel.SENIOR_UNDERWRITER, "referrals" ) );
                end
                """);
        RuleSet ruleSet = new RuleSetLoader(1).load(rules);
        assertEquals(
                List.of(RuleKind.REFER, RuleKind.AUTHORITY),
                ruleSet.rules().stream().map(RuleDefinition::kind).toList());
        ruleSet.retire();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            by its code                      | code == $name
            by its message                   | message.contains( $name )
            by its rule's name               | rule == $name
            by its outcome and then its code | outcome == ReasonOutcome.DECLINE, code == $name
            """)
    void rejectsARuleThatMatchesAnotherRulesReasonByAnythingButItsOutcome(String what, String constraint)
            throws IOException {
        write("common/coupled.drl", HEADER + "\n" + EMAIL_RULE + """
                rule "Remote access without MFA"
                    @code("MISSING_MFA_REMOTE_ACCESS")
                    @description("Declined: remote access does not require MFA.")
                when
                    Controls( mfaRemoteAccess == false )
                    Applicant( $name : name )
                    not Reason( %s )
                then
                    insertLogical( decline( drools, "remote access does not require MFA" ) );
                end
                """.formatted(constraint));
        RuleProblem problem = onlyProblem();
        assertEquals("Remote access without MFA", problem.rule(), problem.toString());
        assertEquals(21, problem.line(), problem.toString());
        assertTrue(problem.message().contains("matches a Reason by"), problem.toString());
        assertTrue(problem.message().contains("only by outcome"), problem.toString());
    }

    private RuleProblem onlyProblem() {
        List<RuleProblem> problems = problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private List<RuleProblem> problems() {
        return assertThrows(InvalidRuleSetException.class, () -> new RuleSetLoader(1).load(rules))
                .problems();
    }

    private void write(String path, String content) throws IOException {
        Path file = rules.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
