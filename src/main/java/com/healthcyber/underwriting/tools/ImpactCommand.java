package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.DecisionStoreSelection;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.audit.StoreKind;
import com.healthcyber.underwriting.engine.InvalidRuleSetException;
import com.healthcyber.underwriting.engine.RuleProblem;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.impact.ImpactAnalysis;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.intake.ApplicationReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The underwriters' impact analysis, beside the verify command: replays the decisions on record
 * on a rules directory (a candidate, or the live one) and prints what would change. It reads the
 * same store the service writes, configured the same way (UNDERWRITING_STORE_URL / _USERNAME /
 * _PASSWORD for PostgreSQL, else the embedded store under UNDERWRITING_DATA_DIR), and writes nothing.
 * The embedded store can be opened by one process at a time, so it reads that one only while the
 * service is stopped; while the service runs, it says to use the service's POST /rules/impact.
 *
 * <pre>./mvnw -q compile exec:exec@impact -Drules=path/to/candidate [-Dproduct=…] [-DdecidedFrom=…] [-DdecidedTo=…] [-DmaxDecisions=…]</pre>
 */
public final class ImpactCommand {

    private ImpactCommand() {}

    public static void main(String[] args) {
        StandaloneLogging.quiet();
        Function<String, Optional<String>> option = name ->
                Optional.ofNullable(System.getProperty("impact." + name)).filter(v -> !v.isBlank());
        System.exit(run(Path.of(args.length > 0 ? args[0] : "rules/v1"), option, System.getenv(), System.out));
    }

    /** Returns the exit status: 0 analysed, 1 the rules do not compile, 2 bad options or the store cannot be read. */
    public static int run(
            Path directory,
            Function<String, Optional<String>> option,
            Map<String, String> environment,
            PrintStream out) {
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
            rules = new RuleSetLoader(1).load(directory);
        } catch (IOException e) {
            out.println("Cannot read the rules in " + directory.toAbsolutePath() + ": " + e.getMessage());
            return 2;
        } catch (InvalidRuleSetException e) {
            out.println("The rules in " + directory.toAbsolutePath() + " do not compile:");
            e.problems().stream().map(RuleProblem::toString).forEach(problem -> out.println("  PROBLEM " + problem));
            return 1;
        }
        try {
            ImpactReport report = new ImpactAnalysis(
                            new DecisionRepository(store(environment), storeKind(environment)),
                            ApplicationReader.standalone())
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
                                + dataDirectory(environment).toAbsolutePath().normalize()
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

    /** PostgreSQL when UNDERWRITING_STORE_URL is set, as in the service; the embedded store otherwise. */
    static StoreKind storeKind(Map<String, String> environment) {
        return StoreKind.forStoreUrl(environment.get("UNDERWRITING_STORE_URL"));
    }

    static DataSource store(Map<String, String> environment) {
        if (storeKind(environment) == StoreKind.POSTGRESQL) {
            PGSimpleDataSource postgresql = new PGSimpleDataSource();
            postgresql.setURL(environment.get("UNDERWRITING_STORE_URL"));
            postgresql.setUser(environment.getOrDefault("UNDERWRITING_STORE_USERNAME", ""));
            postgresql.setPassword(environment.getOrDefault("UNDERWRITING_STORE_PASSWORD", ""));
            return postgresql;
        }
        JdbcDataSource embedded = new JdbcDataSource();
        embedded.setURL(DecisionStoreSelection.embeddedUrl(dataDirectory(environment)));
        return embedded;
    }

    private static Path dataDirectory(Map<String, String> environment) {
        return Path.of(environment.getOrDefault("UNDERWRITING_DATA_DIR", "data"));
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
