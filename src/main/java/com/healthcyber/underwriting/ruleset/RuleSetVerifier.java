package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.engine.InvalidRuleSetException;
import com.healthcyber.underwriting.engine.RuleFile;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.engine.RuleSources;
import com.healthcyber.underwriting.guideline.Guideline;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.StrictJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate every ruleset passes before it decides anything: it compiles, it lints clean, and
 * every worked example under {@code scenarios/} decides as written. The service's reloads and
 * the underwriters' verify command run this same gate, built only by {@link #of} (the service's
 * through {@link RuleSetGate}, with the configured engine) or {@link #standalone()}.
 */
public final class RuleSetVerifier {

    private final RuleSetLoader loader;
    private final ScenarioLoader scenarios;
    private final ScenarioRunner runner;

    private RuleSetVerifier(RuleSetLoader loader, ScenarioLoader scenarios, ScenarioRunner runner) {
        this.loader = loader;
        this.scenarios = scenarios;
        this.runner = runner;
    }

    /** The gate compiling with {@code loader}, reading scenarios with {@code mapper} and their applications with {@code reader}. */
    public static RuleSetVerifier of(RuleSetLoader loader, ApplicationReader reader, ObjectMapper mapper) {
        return new RuleSetVerifier(loader, new ScenarioLoader(mapper), new ScenarioRunner(reader, mapper));
    }

    /** The gate outside the service (verify command, tests): classic DRL, the strict intake, no CDI. */
    public static RuleSetVerifier standalone() {
        ObjectMapper mapper = StrictJson.newMapper();
        return of(new RuleSetLoader(1), ApplicationReader.standalone(), mapper);
    }

    /**
     * What the gate found. When {@link #passed()}, the caller owns {@code ruleSet} and must
     * activate or retire it; otherwise it has been retired already. {@code compileMillis} and
     * {@code scenarioMillis} say where a reload's time went (compile and lint; the scenarios).
     */
    public record Verification(
            String version,
            RuleSet ruleSet,
            List<RuleProblem> problems,
            List<ScenarioResult> scenarios,
            long compileMillis,
            long scenarioMillis) {

        public boolean passed() {
            return ruleSet != null && problems.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
        }

        public List<FailedScenario> failures() {
            return scenarios.stream()
                    .filter(result -> !result.passed())
                    .map(result -> new FailedScenario(
                            result.scenario().file(),
                            result.scenario().name(),
                            result.scenario().expect().outcome(),
                            result.scenario().expect().reasons(),
                            result.scenario().expect().requiredAuthority(),
                            result.outcome(),
                            result.reasons(),
                            result.requiredAuthority(),
                            result.describeFailure()))
                    .toList();
        }
    }

    public Verification verify(Path directory, List<RuleFile> files) {
        return verify(directory, null, files);
    }

    /**
     * The gate for one guideline version: with {@code guideline}, every scenario must also fall in
     * its windows.
     */
    public Verification verify(Path directory, Guideline guideline, List<RuleFile> files) {
        String version = RuleSources.version(files);
        long started = System.nanoTime();
        RuleSet ruleSet;
        try {
            ruleSet = loader.compile(files);
        } catch (InvalidRuleSetException e) {
            return new Verification(version, null, e.problems(), List.of(), millisSince(started), 0);
        }
        long compiled = System.nanoTime();
        ScenarioLoader.Loaded loaded = scenarios.load(directory);
        List<RuleProblem> problems = new ArrayList<>(loaded.problems());
        if (loaded.scenarios().isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem(
                    ScenarioLoader.DIRECTORY,
                    0,
                    null,
                    "holds no scenarios: a ruleset goes live only with worked examples that show what it decides"));
        }
        List<ScenarioResult> results = runner.run(ruleSet, guideline, loaded.scenarios());
        Verification verification = new Verification(
                version, ruleSet, problems, results, (compiled - started) / 1_000_000, millisSince(compiled));
        if (!verification.passed()) {
            ruleSet.retire();
        }
        return verification;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
