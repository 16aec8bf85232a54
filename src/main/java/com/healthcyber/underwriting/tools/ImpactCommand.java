package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.engine.InvalidRuleSetException;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.impact.ImpactAnalysis;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.intake.ApplicationReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.h2.api.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The underwriters' impact analysis, beside the verify command: replays the decisions on record
 * on a rules directory (a candidate, or the live one) and prints what would change. It reads the
 * service's own store through the service's datasource and configuration (UNDERWRITING_STORE_URL /
 * _USERNAME / _PASSWORD for PostgreSQL, else the embedded store under UNDERWRITING_DATA_DIR),
 * compiles with the service's loader, and writes nothing (the tool profile migrates nothing).
 * The embedded store can be opened by one process at a time, so it reads that one only while the
 * service is stopped; while the service runs, it says to use the service's POST /rules/impact.
 *
 * <pre>./mvnw -q exec:exec@impact -Drules.dir=path/to/candidate [-Dproduct=…] [-DdecidedFrom=…] [-DdecidedTo=…] [-DmaxDecisions=…]</pre>
 */
@Command(
        name = "impact",
        mixinStandardHelpOptions = true,
        description = "Replays the decisions on record on a rules directory and prints what would change.")
public final class ImpactCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "the candidate rules: one guideline version's folder")
    Path directory;

    // Read as text and parsed by run, so that a bad value is reported as the command always has.
    @Option(names = "--product", description = "CYBER_HEALTHCARE or MEDICAL_REGISTRY")
    String product;

    @Option(names = "--decided-from", description = "an instant, e.g. 2026-11-01T00:00:00Z")
    String decidedFrom;

    @Option(names = "--decided-to", description = "an instant, e.g. 2026-12-01T00:00:00Z")
    String decidedTo;

    @Option(names = "--max-decisions", description = "stored decisions replayed at most (default 100000)")
    String maxDecisions;

    private final DecisionRepository records;
    private final ApplicationReader reader;
    private final RuleSetLoader loader;
    private final Path dataDirectory;

    @Inject
    ImpactCommand(
            DecisionRepository records, ApplicationReader reader, RuleSetLoader loader, UnderwritingConfig config) {
        this(records, reader, loader, config.data().dir());
    }

    ImpactCommand(DecisionRepository records, ApplicationReader reader, RuleSetLoader loader, Path dataDirectory) {
        this.records = records;
        this.reader = reader;
        this.loader = loader;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public Integer call() {
        Map<String, Optional<String>> options = Map.of(
                "product", given(product),
                "decidedFrom", given(decidedFrom),
                "decidedTo", given(decidedTo),
                "maxDecisions", given(maxDecisions));
        return run(directory, options::get, System.out);
    }

    /** Empty or blank is not given: the Maven shortcut passes every option, empty when unset. */
    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** Returns the exit status: 0 analysed, 1 the rules do not compile, 2 bad options or the store cannot be read. */
    public int run(Path directory, Function<String, Optional<String>> option, PrintStream out) {
        ReplaySelection selection;
        try {
            selection = new ReplaySelection(
                    option.apply("decidedFrom").map(Instant::parse),
                    option.apply("decidedTo").map(Instant::parse),
                    option.apply("product").map(Product::valueOf),
                    option.apply("maxDecisions").map(Integer::parseInt).orElse(100_000));
        } catch (RuntimeException e) {
            out.println(
                    "Bad option: " + e.getMessage()
                            + " (decidedFrom/decidedTo are instants like 2026-11-01T00:00:00Z, product is CYBER_HEALTHCARE or MEDICAL_REGISTRY)");
            return 2;
        }
        RuleSet rules;
        try {
            rules = loader.load(directory);
        } catch (IOException e) {
            out.println("Cannot read the rules in " + directory.toAbsolutePath() + ": " + e.getMessage());
            return 2;
        } catch (InvalidRuleSetException e) {
            out.println("The rules in " + directory.toAbsolutePath() + " do not compile:");
            e.problems().stream().map(RuleProblem::toString).forEach(problem -> out.println("  PROBLEM " + problem));
            return 1;
        }
        try {
            ImpactReport report = new ImpactAnalysis(records, reader)
                    .run(
                            selection,
                            rules,
                            directory.toAbsolutePath().normalize().toString());
            print(report, out);
            return 0;
        } catch (RuntimeException e) {
            if (inUse(e)) {
                out.println(
                        "The embedded decision store in "
                                + dataDirectory.toAbsolutePath().normalize()
                                + " is in use by the running service, and only one process may open it. Stop the service to run this "
                                + "command, or ask the running service instead: POST /rules/impact (role rules:admin), with the candidate "
                                + "folder placed under its underwriting.impact.candidates-dir and named as candidate=<folder>.");
                return 2;
            }
            out.println("Cannot read the decision store: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return 2;
        } finally {
            rules.retire();
        }
    }

    /** H2 refused the file because another process (the service) holds it: the embedded store has no server to share it. */
    private static boolean inUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    private static void print(ImpactReport report, PrintStream out) {
        out.println("Impact of the rules in " + report.rules());
        out.println("  version " + report.rulesetVersion());
        out.println("  on the decisions on record"
                + report.product().map(product -> " for " + product).orElse("")
                + report.decidedFrom().map(from -> " decided from " + from).orElse("")
                + report.decidedTo().map(to -> " before " + to).orElse("") + ", oldest first, at most "
                + report.maxDecisions());
        out.println();
        out.println("Replayed " + report.replayed() + ", changed " + report.changed() + ", not replayable "
                + report.notReplayable() + " (" + report.durationMillis() + " ms)");
        if (report.limitReached()) {
            out.println("  more decisions matched than were replayed: raise maxDecisions or narrow the window");
        }
        out.println();
        out.println("Outcome transitions (stored -> now):");
        report.outcomeTransitions()
                .forEach(transition -> out.printf(
                        "  %-7s -> %-7s %8d%s%n",
                        transition.from(),
                        transition.to(),
                        transition.count(),
                        transition.from() == transition.to() ? "" : "   changed"));
        out.println("Required authority of referrals (stored -> now; none: not a referral):");
        report.requiredAuthorityTransitions()
                .forEach(transition -> out.printf(
                        "  %-20s -> %-20s %8d%s%n",
                        transition.from() == null ? "none" : transition.from(),
                        transition.to() == null ? "none" : transition.to(),
                        transition.count(),
                        transition.from() == transition.to() ? "" : "   changed"));
        out.println("Reason codes added:");
        report.reasonCodesAdded().forEach(code -> out.printf("  %-40s %8d%n", code.code(), code.count()));
        out.println("Reason codes removed:");
        report.reasonCodesRemoved().forEach(code -> out.printf("  %-40s %8d%n", code.code(), code.count()));
        if (!report.sampleChangedDecisionIds().isEmpty()) {
            out.println("Some changed decisions (see each with GET /decisions/{id} and POST /decisions/{id}/replay):");
            report.sampleChangedDecisionIds().forEach(id -> out.println("  " + id));
        }
        if (!report.sampleNotReplayableDecisionIds().isEmpty()) {
            out.println(
                    "Some decisions that could not be replayed (their stored request fails today's contract or rules):");
            report.sampleNotReplayableDecisionIds().forEach(id -> out.println("  " + id));
        }
    }
}
