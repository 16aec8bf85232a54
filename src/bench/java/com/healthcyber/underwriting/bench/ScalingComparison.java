package com.healthcyber.underwriting.bench;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-decision cost of one ruleset against another, measured in alternating slices in one JVM:
 * this machine's speed drifts by a third within minutes, which swamps a 1.3× ratio taken from two
 * separate runs, whereas a slice of each ruleset back to back sees the same machine. Reports the
 * median slice of each and the median of the slice-by-slice ratios.
 *
 * <pre>java … ScalingComparison rules target/rules-10x [executableModel] [rounds]</pre>
 */
public final class ScalingComparison {

    private static final String[] APPLICATIONS = {
        "cyber-healthcare-application.json", "medical-registry-application.json"
    };
    private static final int DECISIONS_PER_SLICE = 2_000;

    private ScalingComparison() {}

    public static void main(String[] args) throws Exception {
        StandaloneLogging.quiet();
        Path baseline = Path.of(args[0]);
        Path larger = Path.of(args[1]);
        boolean executableModel = args.length > 2 && Boolean.parseBoolean(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        RuleSetLoader loader = new RuleSetLoader(1, executableModel);
        RuleSet small = loader.load(baseline);
        RuleSet large = loader.load(larger);
        System.out.printf(
                "%s (%d rules) vs %s (%d rules), %s, %d rounds of %d decisions each%n",
                baseline,
                small.rules().size(),
                larger,
                large.rules().size(),
                executableModel ? "executable model" : "classic DRL",
                rounds,
                DECISIONS_PER_SLICE);
        for (String name : APPLICATIONS) {
            Application application = ApplicationReader.standalone()
                    .read(Files.readAllBytes(Path.of("src/main/resources/examples", name)));
            for (int warmup = 0; warmup < rounds / 4; warmup++) {
                slice(small, application);
                slice(large, application);
            }
            double[] smallMicros = new double[rounds];
            double[] largeMicros = new double[rounds];
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                // Alternate which goes first, so neither always runs on a cache the other warmed.
                if (round % 2 == 0) {
                    smallMicros[round] = slice(small, application);
                    largeMicros[round] = slice(large, application);
                } else {
                    largeMicros[round] = slice(large, application);
                    smallMicros[round] = slice(small, application);
                }
                ratios[round] = largeMicros[round] / smallMicros[round];
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %8.2f µs %8.2f µs   ratio %.2f× (slice ratios p25 %.2f, p75 %.2f)%n",
                    name,
                    median(smallMicros),
                    median(largeMicros),
                    median(ratios),
                    percentile(ratios, 0.25),
                    percentile(ratios, 0.75));
        }
        small.retire();
        large.retire();
    }

    /** Mean microseconds per decision over one slice. */
    private static double slice(RuleSet ruleSet, Application application) {
        long started = System.nanoTime();
        int reasons = 0;
        for (int i = 0; i < DECISIONS_PER_SLICE; i++) {
            reasons += Verdict.of(ruleSet.evaluate(application)).reasons().size();
        }
        long elapsed = System.nanoTime() - started;
        if (reasons == 0) {
            throw new IllegalStateException("no reasons: the benchmark's applications are expected to trigger some");
        }
        return elapsed / 1_000.0 / DECISIONS_PER_SLICE;
    }

    private static double median(double[] values) {
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
