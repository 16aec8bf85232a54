package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Seeds a PostgreSQL decision store with N decisions for the console's page-speed bench
 * (src/bench/console-bench.sh): 24 variants of decision-api.md's two applications (clean ones,
 * claims, breaches, slow patching, declines) decided by the real rules, then copied by the
 * database itself (generate_series) N times, one every 365 days / N back from now, each with its
 * own id and application id. Decided by the rules, so replays and impact see real records;
 * copied by the server, so a million rows take minutes, not hours.
 *
 * <p>Arguments: JDBC URL, number of decisions.
 */
public final class ConsoleSeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VARIANTS = 24;

    public static void main(String[] args) throws Exception {
        StandaloneLogging.quiet();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser("postgres");
        int count = Integer.parseInt(args[1]);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(StoreKind.POSTGRESQL.migrationLocations())
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM decision")) {
                rows.next();
                if (rows.getLong(1) >= count) {
                    System.out.printf("store already holds %d decisions: not seeded again%n", rows.getLong(1));
                    return;
                }
            }
        }
        long started = System.nanoTime();
        ApplicationReader reader = ApplicationReader.standalone();
        RuleSet rules = new RuleSetLoader(1).load(Path.of("rules/v1"));
        List<DecisionRecord> variants = variants(reader, rules);
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("TRUNCATE decision CASCADE");
            DecisionTable.insertDecisions(connection, variants);
            sql.execute(
                    "CREATE TEMP TABLE variant AS SELECT row_number() OVER (ORDER BY decision_id) - 1 AS n, * FROM decision");
            sql.execute("TRUNCATE decision CASCADE");
            long seconds = 365L * 24 * 3600;
            sql.execute(
                    "INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version, drools_version,"
                            + " service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body, reasons, reason_codes,"
                            + " guideline_version, required_authority)"
                            + " SELECT gen_random_uuid()::text, 'APP-' || i, v.product, v.outcome, v.ruleset_version, v.drools_version,"
                            + " v.service_version, now() - make_interval(secs => (" + count
                            + " - i)::double precision * " + seconds
                            + " / " + count + "), v.engine_micros, v.requested_by, NULL,"
                            + " replace(v.request_body, '\"APP-VARIANT\"', '\"APP-' || i || '\"'), v.reasons, v.reason_codes,"
                            + " v.guideline_version, v.required_authority"
                            + " FROM generate_series(1, " + count + ") AS i JOIN variant v ON v.n = i % " + VARIANTS);
            sql.execute("ANALYZE decision");
        }
        System.out.printf("seeded %d decisions in %.0f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    private static List<DecisionRecord> variants(ApplicationReader reader, RuleSet rules) throws Exception {
        ObjectNode practice = (ObjectNode)
                JSON.readTree(ConsoleSeed.class.getResourceAsStream("/examples/cyber-healthcare-application.json"));
        ObjectNode registry = (ObjectNode)
                JSON.readTree(ConsoleSeed.class.getResourceAsStream("/examples/medical-registry-application.json"));
        List<DecisionRecord> records = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            ObjectNode application = (i % 5 == 4 ? registry : practice).deepCopy();
            application.put("applicationId", "APP-VARIANT");
            if (i % 3 == 0) {
                application.withObject("/history").remove("claims");
            }
            if (i % 4 == 0) {
                application.withObject("/history").remove("breaches");
            }
            if (i % 7 == 0) {
                application.withObject("/controls").put("criticalPatchDays", 45);
            }
            if (i % 11 == 0) {
                application.withObject("/history").put("willfulMisconduct", true);
            }
            String body = application.toString();
            Application parsed = reader.read(body.getBytes(StandardCharsets.UTF_8));
            Verdict verdict = Verdict.of(rules.evaluate(parsed));
            Decision decision = new Decision(
                    UUID.randomUUID().toString(),
                    parsed.applicationId(),
                    parsed.product(),
                    verdict.outcome(),
                    verdict.reasons(),
                    "v1",
                    verdict.requiredAuthority().orElse(null),
                    rules.version(),
                    Instant.now());
            records.add(new DecisionRecord(decision, "10.2.0", "bench", 10, "bench", Optional.empty(), body));
        }
        return records;
    }
}
