package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.engine.RuleFile;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSources;
import com.healthcyber.underwriting.ruleset.RuleSetVerifier;
import com.healthcyber.underwriting.ruleset.ScenarioResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The underwriters' check of a rules directory, without the service or a database: compile,
 * lint, run every scenario, print what passed and what failed, exit non-zero on any failure.
 * It runs the same gate as a reload of the running service.
 *
 * <pre>./mvnw -q compile exec:exec@verify-rules -Drules=path/to/rules</pre>
 */
public final class VerifyRules {

    private VerifyRules() {}

    public static void main(String[] args) {
        StandaloneLogging.quiet();
        System.exit(run(Path.of(args.length > 0 ? args[0] : "rules/v1"), System.out));
    }

    /** Returns the exit status: 0 verified, 1 failed, 2 the directory cannot be read. */
    public static int run(Path directory, PrintStream out) {
        out.println("Verifying the rules in " + directory.toAbsolutePath());
        List<RuleFile> files;
        try {
            files = RuleSources.read(directory);
        } catch (IOException e) {
            out.println("  cannot read them: " + e.getMessage());
            return 2;
        }
        RuleSetVerifier.Verification verification = RuleSetVerifier.standalone().verify(directory, files);
        out.println("  version " + verification.version() + " (" + files.size() + " DRL files)");
        out.println();

        if (verification.ruleSet() == null) {
            out.println("Compile and lint: FAILED, " + verification.problems().size() + " problem(s)");
        } else {
            out.println(
                    "Compile and lint: ok, " + verification.ruleSet().rules().size() + " rules");
        }
        for (RuleProblem problem : verification.problems()) {
            out.println("  PROBLEM " + problem);
        }

        List<ScenarioResult> results = verification.scenarios();
        long failed = results.stream().filter(result -> !result.passed()).count();
        if (verification.ruleSet() != null) {
            out.println();
            out.println("Scenarios: " + (results.size() - failed) + " passed, " + failed + " failed");
            Map<String, List<ScenarioResult>> byFile = results.stream()
                    .collect(Collectors.groupingBy(
                            result -> result.scenario().file(), TreeMap::new, Collectors.toList()));
            byFile.forEach((file, fileResults) -> {
                long fileFailed =
                        fileResults.stream().filter(result -> !result.passed()).count();
                out.println("  " + (fileFailed == 0 ? "ok  " : "FAIL") + " " + file + ": "
                        + (fileResults.size() - fileFailed) + " of " + fileResults.size() + " passed");
                fileResults.stream()
                        .filter(result -> !result.passed())
                        .forEach(result -> out.println(
                                "       \"" + result.scenario().name() + "\": " + result.describeFailure()));
            });
            if (verification.passed()) {
                verification.ruleSet().retire(); // a failed one the gate has retired already
            }
        }
        out.println();
        boolean verified = verification.passed();
        out.println(
                verified
                        ? "VERIFIED: these rules can go live."
                        : "NOT VERIFIED: the service would reject these rules.");
        out.println((results.size() - failed) + " passed, "
                + (failed + verification.problems().size()) + " failed");
        return verified ? 0 : 1;
    }
}
