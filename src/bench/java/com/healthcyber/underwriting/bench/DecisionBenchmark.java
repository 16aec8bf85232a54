package com.healthcyber.underwriting.bench;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * In-process cost of one decision on the full ruleset: the facts are inserted, every rule is
 * evaluated and the reasons are ordered into a verdict. SampleTime mode reports the median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    /** The rules directory: the shipped one, or a generated larger one (see RuleSetScaling). */
    @Param("rules/v1")
    public String rulesDir;

    @Param({"cyber-healthcare-application.json", "medical-registry-application.json"})
    public String application;

    /** Which engine serves: classic DRL (the default) or the executable model. */
    @Param({"false", "true"})
    public boolean executableModel;

    private RuleSet ruleSet;
    private Application parsed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        StandaloneLogging.quiet();
        // One pooled session, the service's default (underwriting.rules.session-pool-size): Drools'
        // pool hands out the session idle longest, so a larger pool makes one thread cycle through
        // sessions whose memory has gone cold.
        ruleSet = new RuleSetLoader(1, executableModel).load(Path.of(rulesDir));
        byte[] body = Files.readAllBytes(Path.of("src/main/resources/examples", application));
        parsed = ApplicationReader.standalone().read(body);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ruleSet.retire();
    }

    @Benchmark
    public Verdict decide() {
        return Verdict.of(ruleSet.evaluate(parsed));
    }
}
