package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.engine.RuleFile;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSources;
import com.healthcyber.underwriting.guideline.Guideline;
import com.healthcyber.underwriting.guideline.GuidelineCoverage;
import com.healthcyber.underwriting.guideline.GuidelineWindow;
import com.healthcyber.underwriting.ruleset.GuidelineFolders;
import com.healthcyber.underwriting.ruleset.RuleSetVerifier;
import com.healthcyber.underwriting.ruleset.ScenarioResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The underwriters' check of a rules directory, without the service or a database: for each
 * guideline version compile, lint, run every scenario; then check that the versions' windows
 * decide every application exactly once. Prints what passed and what failed and exits non-zero
 * on any failure. It runs the service's own gate (the {@link RuleSetVerifier} a reload uses, with
 * the configured engine), in the service's application without its listeners.
 *
 * <pre>./mvnw -q exec:exec@verify-rules -Drules.dir=path/to/rules</pre>
 */
@Command(
        name = "verify-rules",
        mixinStandardHelpOptions = true,
        description = "Checks a rules directory as the service's gate would: compile, lint, scenarios, windows.")
public final class VerifyRules implements Callable<Integer> {

    @Parameters(
            arity = "0..1",
            paramLabel = "DIR",
            description =
                    "the rules directory, one version's folder, or a bare folder of DRL (default: underwriting.rules.dir)")
    Optional<Path> directory = Optional.empty();

    private final RuleSetVerifier verifier;
    private final GuidelineFolders folders;
    private final Path liveRules;

    @Inject
    VerifyRules(RuleSetVerifier verifier, GuidelineFolders folders, UnderwritingConfig config) {
        this(verifier, folders, config.rules().dir());
    }

    VerifyRules(RuleSetVerifier verifier, GuidelineFolders folders, Path liveRules) {
        this.verifier = verifier;
        this.folders = folders;
        this.liveRules = liveRules;
    }

    @Override
    public Integer call() {
        return run(directory.orElse(liveRules), System.out);
    }

    /**
     * Returns the exit status: 0 verified, 1 failed, 2 the directory cannot be read. The directory
     * is the rules directory (one folder per guideline version, each with its {@code
     * guideline.json}), one version's folder, or a bare folder of DRL and scenarios (verified
     * without windows).
     */
    public int run(Path directory, PrintStream out) {
        out.println("Verifying the rules in " + directory.toAbsolutePath());
        List<GuidelineFolders.Folder> versions;
        List<RuleProblem> strays;
        try {
            versions = folders.list(directory);
            strays = folders.strayFolders(directory);
        } catch (IOException e) {
            out.println("  cannot read them: " + e.getMessage());
            return 2;
        }
        if (versions.isEmpty()) {
            out.println("  (no " + GuidelineFolders.DESCRIPTOR + ": verified as one ruleset, without windows)");
            return verifyOne(verifier, directory, null, "", files(directory, out), out);
        }
        int passed = 0;
        int failed = 0;
        List<Guideline> guidelines = new ArrayList<>();
        boolean allVerified = strays.isEmpty();
        for (RuleProblem stray : strays) {
            out.println("  PROBLEM " + stray);
            failed++;
        }
        for (GuidelineFolders.Folder folder : versions) {
            out.println();
            GuidelineFolders.Read read = folders.read(folder);
            if (!read.problems().isEmpty()) {
                out.println("Guideline " + folder.version() + ": FAILED");
                read.problems().forEach(problem -> out.println("  PROBLEM " + problem));
                failed += read.problems().size();
                allVerified = false;
                continue;
            }
            guidelines.add(read.guideline());
            out.println("Guideline " + folder.version() + ": "
                    + read.guideline().windows().stream()
                            .map(GuidelineWindow::describe)
                            .collect(Collectors.joining("; ")));
            List<RuleFile> files = files(folder.directory(), out);
            if (files == null) {
                return 2;
            }
            Counts counts = verify(verifier, folder.directory(), read.guideline(), folder.prefix(), files, out);
            passed += counts.passed();
            failed += counts.failed();
            allVerified &= counts.verified();
        }
        out.println();
        if (versions.size() == 1 && versions.get(0).prefix().isEmpty()) {
            // One version's folder on its own cannot cover every date; the rules directory is checked as a whole.
            out.println(
                    "Windows: not checked for one version alone (verify the rules directory to check them together)");
            return conclude(allVerified, passed, failed, out);
        }
        List<String> gaps = GuidelineCoverage.problems(guidelines);
        if (gaps.isEmpty()) {
            out.println("Windows: ok, every application is decided by exactly one version");
        } else {
            out.println("Windows: FAILED");
            gaps.forEach(gap -> out.println("  PROBLEM " + gap));
            failed += gaps.size();
            allVerified = false;
        }
        return conclude(allVerified, passed, failed, out);
    }

    private record Counts(boolean verified, long passed, long failed) {}

    private static List<RuleFile> files(Path directory, PrintStream out) {
        try {
            return RuleSources.read(directory);
        } catch (IOException e) {
            out.println("  cannot read them: " + e.getMessage());
            return null;
        }
    }

    private static int verifyOne(
            RuleSetVerifier verifier,
            Path directory,
            Guideline guideline,
            String prefix,
            List<RuleFile> files,
            PrintStream out) {
        if (files == null) {
            return 2;
        }
        Counts counts = verify(verifier, directory, guideline, prefix, files, out);
        return conclude(counts.verified(), counts.passed(), counts.failed(), out);
    }

    private static Counts verify(
            RuleSetVerifier verifier,
            Path directory,
            Guideline guideline,
            String prefix,
            List<RuleFile> files,
            PrintStream out) {
        RuleSetVerifier.Verification verification = verifier.verify(directory, guideline, files);
        out.println("  version " + verification.version() + " (" + files.size() + " DRL files)");

        if (verification.ruleSet() == null) {
            out.println("  Compile and lint: FAILED, " + verification.problems().size() + " problem(s)");
        } else {
            out.println(
                    "  Compile and lint: ok, " + verification.ruleSet().rules().size() + " rules");
        }
        for (RuleProblem problem : verification.problems()) {
            out.println("    PROBLEM " + prefix + problem);
        }

        List<ScenarioResult> results = verification.scenarios();
        long failed = results.stream().filter(result -> !result.passed()).count();
        if (verification.ruleSet() != null) {
            out.println("  Scenarios: " + (results.size() - failed) + " passed, " + failed + " failed");
            Map<String, List<ScenarioResult>> byFile = results.stream()
                    .collect(Collectors.groupingBy(
                            result -> result.scenario().file(), TreeMap::new, Collectors.toList()));
            byFile.forEach((file, fileResults) -> {
                long fileFailed =
                        fileResults.stream().filter(result -> !result.passed()).count();
                out.println("    " + (fileFailed == 0 ? "ok  " : "FAIL") + " " + prefix + file + ": "
                        + (fileResults.size() - fileFailed) + " of " + fileResults.size() + " passed");
                fileResults.stream()
                        .filter(result -> !result.passed())
                        .forEach(result -> out.println(
                                "         \"" + result.scenario().name() + "\": " + result.describeFailure()));
            });
            if (verification.passed()) {
                verification.ruleSet().retire(); // a failed one the gate has retired already
            }
        }
        return new Counts(
                verification.passed(),
                results.size() - failed,
                failed + verification.problems().size());
    }

    private static int conclude(boolean verified, long passed, long failed, PrintStream out) {
        out.println();
        out.println(
                verified
                        ? "VERIFIED: these rules can go live."
                        : "NOT VERIFIED: the service would reject these rules.");
        out.println(passed + " passed, " + failed + " failed");
        return verified ? 0 : 1;
    }
}
