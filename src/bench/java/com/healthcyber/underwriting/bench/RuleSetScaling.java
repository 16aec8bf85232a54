package com.healthcyber.underwriting.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a ruleset {@code factor} times the size of {@code rules/}: the v1 rules plus generated
 * rules shaped like them (range and equality tests on the same facts and fields), almost all of
 * which never fire for the benchmark's applications, and one in a hundred that does.
 *
 * <pre>java … RuleSetScaling target/rules-10x 10 [one in how many fires, 0 for none]</pre>
 */
public final class RuleSetScaling {

    /**
     * Thresholds are plain integer literals, as the v1 rules write them ({@code annualRevenue >
     * 25000000}), so the engine can index them. Millions above anything the benchmark's
     * applications hold, and still within int range: the classic engine does not index a literal
     * written with a long suffix ({@code 25000000L}), which no v1 rule has.
     */
    private static final List<String> NEVER_FIRES = List.of(
            "Controls( criticalPatchDays > %d )",
            "Applicant( annualRevenue > %d000000 )",
            "Coverage( limit > %d000000 )",
            "PatientData( patientRecords > %d000000 )",
            "Claim( paid > %d000000 )",
            "Registry( records > %d000000 )",
            "Breach( recordsAffected > %d000000 )",
            "Application( product == Product.MEDICAL_REGISTRY )\n    Registry( contributingSources > 100%d )",
            "Controls( criticalPatchDays == -%d )");
    /** By default one generated rule in this many fires for the benchmark's applications. */
    private static final int FIRES_EVERY = 100;

    private RuleSetScaling() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target/rules-10x");
        int factor = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int firesEvery = args.length > 2 ? Integer.parseInt(args[2]) : FIRES_EVERY;
        Path source = Path.of("rules/v1");
        copyDrl(source, target);
        long v1Rules;
        try (Stream<Path> files = Files.walk(source)) {
            v1Rules = 0;
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".drl")).toList()) {
                v1Rules += Files.readAllLines(file).stream()
                        .filter(line -> line.startsWith("rule \""))
                        .count();
            }
        }
        int generated = (int) (v1Rules * (factor - 1));
        int perFile = 50;
        List<String> firingCodes = new ArrayList<>();
        Files.createDirectories(target.resolve("generated"));
        for (int file = 0; file * perFile < generated; file++) {
            StringBuilder drl = new StringBuilder("""
                    package underwriting.generated;

                    import com.healthcyber.underwriting.application.*;
                    import function com.healthcyber.underwriting.engine.RuleFunctions.*;
                    """);
            for (int n = file * perFile; n < Math.min(generated, (file + 1) * perFile); n++) {
                boolean fires = firesEvery > 0 && n % firesEvery == 0;
                if (fires) {
                    firingCodes.add("GENERATED_" + n);
                }
                String condition = fires
                        ? "Coverage( retention >= 0 )"
                        : NEVER_FIRES.get(n % NEVER_FIRES.size()).formatted(1000 + n);
                drl.append("""

                        rule "Generated rule %d"
                            @code("GENERATED_%d")
                            @description("Generated for the scaling benchmark.")%s
                        when
                            %s
                        then
                            insertLogical( %s( drools, "generated rule %d" ) );
                        end
                        """.formatted(
                                n,
                                n,
                                // A referral names who may resolve it; the loader refuses one that does not.
                                fires ? "" : "\n    @authority(\"UNDERWRITER\")",
                                condition,
                                fires ? "condition" : "refer",
                                n));
            }
            Files.writeString(target.resolve("generated/generated-" + file + ".drl"), drl);
        }
        writeScenarios(source, target, firingCodes);
        writeOpenWindows(target);
        System.out.println(target + ": " + v1Rules + " v1 rules + " + generated + " generated (" + firingCodes.size()
                + " of them fire)");
    }

    /**
     * The service puts no ruleset live without worked examples, so the larger ruleset gets the
     * decision API's examples (rules/scenarios/contract-examples.json) with the firing generated
     * rules' codes added to what each must decide: they fire for every application.
     */
    private static void writeScenarios(Path source, Path target, List<String> firingCodes) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode examples = (ObjectNode)
                json.readTree(source.resolve("scenarios/contract-examples.json").toFile());
        for (var scenario : examples.get("scenarios")) {
            ArrayNode reasons = (ArrayNode) scenario.get("expect").get("reasons");
            firingCodes.forEach(reasons::add);
        }
        Path scenarios = Files.createDirectories(target.resolve("scenarios/bases"));
        json.writerWithDefaultPrettyPrinter()
                .writeValue(
                        scenarios.getParent().resolve("contract-examples.json").toFile(), examples);
        try (Stream<Path> bases = Files.list(source.resolve("scenarios/bases"))) {
            for (Path base : bases.toList()) {
                Files.copy(base, scenarios.resolve(base.getFileName()));
            }
        }
    }

    /**
     * The copy is served alone, so it must decide every application on every date: v1's own
     * descriptor ends where v2 begins and would leave the service a gap it refuses to start with.
     */
    private static void writeOpenWindows(Path target) throws IOException {
        Files.writeString(target.resolve("guideline.json"), """
                {
                  "description": "Guideline v1 and generated rules for the scaling benchmark, deciding every date.",
                  "windows": [
                    { "transactionType": "NEW_BUSINESS" },
                    { "transactionType": "RENEWAL" }
                  ]
                }
                """);
    }

    private static void copyDrl(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".drl")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
