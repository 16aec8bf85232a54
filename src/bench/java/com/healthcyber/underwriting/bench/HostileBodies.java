package com.healthcyber.underwriting.bench;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.nio.charset.StandardCharsets;
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
 * What the worst bodies under the 256 KiB limit cost the service's CPU, beside an honest
 * decision: the body is decoded, read and validated exactly as {@code POST /decisions} does, and
 * decided on the full ruleset when it is valid. Every hostile shape is built just under the limit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HostileBodies {

    static final int LIMIT = 256 * 1024 - 64;

    @Param({"normal", "unreadableRegistries", "unknownFields", "deepNesting", "everyEntryInvalid", "longestValidLists"})
    public String shape;

    private RuleSet ruleSet;
    private ApplicationReader reader;
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        StandaloneLogging.quiet();
        ruleSet = new RuleSetLoader(1).load(Path.of("rules/v1"));
        reader = ApplicationReader.standalone();
        String cyber = Files.readString(Path.of("src/main/resources/examples/cyber-healthcare-application.json"));
        String registry = Files.readString(Path.of("src/main/resources/examples/medical-registry-application.json"));
        body = shape(shape, cyber, registry).getBytes(StandardCharsets.UTF_8);
        if (body.length > 256 * 1024) {
            throw new IllegalStateException(shape + " is over the body limit: " + body.length);
        }
        System.out.println("\n" + shape + ": " + body.length + " bytes, " + answer());
    }

    /** The probe's shapes, each as large as the body limit allows. */
    static String shape(String shape, String cyber, String registry) {
        return switch (shape) {
            case "normal" -> cyber;
            // The probe's body: registries of unreadable entries (100,000 of them in 201 KB).
            case "unreadableRegistries" ->
                registry.replaceFirst("\"registries\"\\s*:\\s*\\[", "\"registries\": [" + fill("0,", registry));
            // Unknown fields: each one a problem.
            case "unknownFields" -> {
                StringBuilder fields = new StringBuilder("{");
                for (int field = 0; fields.length() + cyber.length() < LIMIT - 16; field++) {
                    fields.append("\"u").append(field).append("\":0,");
                }
                yield fields + cyber.substring(1);
            }
            // An unknown field holding arrays nested as deep as allowed (31 levels), repeated.
            case "deepNesting" -> {
                String nest = "[".repeat(30) + "]".repeat(30) + ",";
                yield "{\"x\":[" + fill(nest, cyber) + "[]]," + cyber.substring(1);
            }
            // Claims whose every field is wrong: three problems per entry, up to the list's bound and past it.
            case "everyEntryInvalid" ->
                cyber.replaceFirst(
                        "\"claims\"\\s*:\\s*\\[",
                        "\"claims\": [" + fill("{\"date\":1,\"type\":1,\"paid\":\"x\"},", cyber));
            // Valid, with every history list at its bound (the example holds one entry of each): the most an
            // application can ask the rules to weigh.
            case "longestValidLists" -> {
                StringBuilder claims = new StringBuilder();
                StringBuilder breaches = new StringBuilder();
                StringBuilder actions = new StringBuilder();
                for (int entry = 0;
                        entry < com.healthcyber.underwriting.application.Limits.MAX_HISTORY_ENTRIES - 1;
                        entry++) {
                    claims.append("{\"date\":\"2010-01-01\",\"type\":\"OTHER\",\"paid\":1},");
                    breaches.append("{\"date\":\"2010-01-01\",\"recordsAffected\":1,\"remediated\":true},");
                    actions.append("{\"date\":\"2010-01-01\",\"agency\":\"HHS OCR\"},");
                }
                yield cyber.replaceFirst("\"claims\"\\s*:\\s*\\[", "\"claims\": [" + claims)
                        .replaceFirst("\"breaches\"\\s*:\\s*\\[", "\"breaches\": [" + breaches)
                        .replaceFirst("\"regulatoryActions\"\\s*:\\s*\\[", "\"regulatoryActions\": [" + actions);
            }
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static String fill(String unit, String around) {
        return unit.repeat((LIMIT - around.length()) / unit.length());
    }

    private String answer() {
        try {
            Verdict verdict = decide();
            return verdict.outcome() + " " + verdict.codes();
        } catch (InvalidApplicationException e) {
            return "400 with " + e.violations().size() + " violations, last: "
                    + e.violations().get(e.violations().size() - 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ruleSet.retire();
    }

    @Benchmark
    public Object readAndDecide() {
        try {
            return decide();
        } catch (InvalidApplicationException e) {
            return e.violations();
        }
    }

    private Verdict decide() {
        Application application = reader.read(reader.decode(body));
        return Verdict.of(ruleSet.evaluate(application));
    }
}
