package com.healthcyber.underwriting.bench;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.GuidelineSet;
import com.healthcyber.underwriting.engine.LiveGuideline;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.StrictJson;
import com.healthcyber.underwriting.ruleset.GuidelineFolders;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What choosing the guideline version costs a decision: the same application decided on its
 * version's ruleset directly, and through the engine, which picks the version by effective date
 * and transaction type and takes a lease on its ruleset. Both in the same run, so the difference
 * is the selection's price (docs/benchmarks.md, "Guideline selection").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GuidelineSelectionBenchmark {

    @Param({"cyber-healthcare-application.json", "medical-registry-application.json"})
    public String application;

    private final RuleEngine engine = new RuleEngine();
    private RuleSet deciding;
    private Application parsed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        StandaloneLogging.quiet();
        GuidelineFolders folders = new GuidelineFolders(StrictJson.newMapper());
        RuleSetLoader loader = new RuleSetLoader(1);
        List<LiveGuideline> live = new ArrayList<>();
        for (GuidelineFolders.Folder folder : folders.list(Path.of("rules"))) {
            live.add(new LiveGuideline(folders.read(folder).guideline(), loader.load(folder.directory())));
        }
        GuidelineSet guidelines = new GuidelineSet(live);
        engine.activate(guidelines);
        byte[] body = Files.readAllBytes(Path.of("src/main/resources/examples", application));
        parsed = ApplicationReader.standalone().read(body);
        deciding = guidelines.deciding(parsed).orElseThrow().ruleSet();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.activate(new GuidelineSet(List.of()));
    }

    /** The version's ruleset, chosen once in set-up. */
    @Benchmark
    public Verdict onItsRuleSet() {
        return Verdict.of(deciding.evaluate(parsed));
    }

    /** The engine's path for every decision: choose the version, lease its ruleset, evaluate. */
    @Benchmark
    public Verdict throughTheEngine() {
        return Verdict.of(engine.evaluate(parsed).findings());
    }
}
