package com.healthcyber.underwriting.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.DecisionStoreSelection;
import com.healthcyber.underwriting.audit.LocalPostgres;
import com.healthcyber.underwriting.audit.StoreKind;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The impact command on both stores, without the service: what an underwriter runs before shipping. */
class ImpactCommandTest {

    @TempDir
    Path data;

    @Test
    void reportsWhatACandidateWouldChangeOnTheEmbeddedStore() throws Exception {
        Map<String, String> environment = Map.of("UNDERWRITING_DATA_DIR", data.toString());
        assertCandidateImpact(environment);
    }

    @Test
    void reportsWhatACandidateWouldChangeOnPostgresql() throws Exception {
        LocalPostgres.withDatabase(url -> assertCandidateImpact(
                Map.of("UNDERWRITING_STORE_URL", url, "UNDERWRITING_STORE_USERNAME", LocalPostgres.USER)));
    }

    @Test
    void refusesACandidateThatDoesNotCompile() {
        Path candidate = data.resolve("broken");
        CopiedRules.restoreVersion(candidate, "v1");
        CopiedRules.edit(candidate, "common/loss-history.drl", "then", "then oops(");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = command(Map.of("UNDERWRITING_DATA_DIR", data.toString()))
                .run(candidate, name -> Optional.empty(), new PrintStream(output, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(
                output.toString(StandardCharsets.UTF_8).contains("PROBLEM common/loss-history.drl:"),
                output.toString(StandardCharsets.UTF_8));
    }

    /**
     * The embedded store is one process's at a time (no H2 server): while the service holds it,
     * the command says so and points to the service's own impact analysis instead of failing obscurely.
     */
    @Test
    void pointsToTheServicesImpactEndpointWhileTheServiceHoldsTheEmbeddedStore() throws Exception {
        Process service = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedStoreHolder.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        try {
            var holderOutput = new java.io.BufferedReader(
                    new java.io.InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
            for (String line = holderOutput.readLine(); !"open".equals(line); line = holderOutput.readLine()) {
                assertTrue(line != null, "the stand-in service did not open the store");
            }
            Path candidate = data.resolve("candidate");
            CopiedRules.restoreVersion(candidate, "v1");
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = command(Map.of("UNDERWRITING_DATA_DIR", data.toString()))
                    .run(candidate, name -> Optional.empty(), new PrintStream(output, true, StandardCharsets.UTF_8));
            String report = output.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, report);
            assertTrue(
                    report.contains("in use by the running service") && report.contains("POST /rules/impact"), report);
        } finally {
            service.getOutputStream().close();
            service.destroy();
            service.waitFor();
        }
    }

    private void assertCandidateImpact(Map<String, String> environment) throws Exception {
        DataSource store = store(environment);
        Flyway.configure()
                .dataSource(store)
                .locations(storeKind(environment).migrationLocations())
                .load()
                .migrate();
        // Two referrals for one claim (one also for a breach) and one clean accept, as the service would have stored
        // them.
        insert(store, Outcome.REFER, List.of("LOSS_HISTORY", "RECENT_BREACH"), Payloads.contractExample());
        insert(
                store,
                Outcome.REFER,
                List.of("LOSS_HISTORY"),
                Payloads.contractExampleWith(
                        application -> application.withObject("/history").remove("breaches")));
        insert(store, Outcome.ACCEPT, List.of(), Payloads.contractExampleWith(application -> {
            application.withObject("/history").remove("breaches");
            application.withObject("/history").remove("claims");
        }));

        Path candidate = data.resolve("candidate");
        CopiedRules.restoreVersion(candidate, "v1");
        CopiedRules.edit(
                candidate, "common/loss-history.drl", "$claims : List( size == 1 )", "$claims : List( size == 99 )");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = command(environment)
                .run(
                        candidate,
                        name -> name.equals("product") ? Optional.of("CYBER_HEALTHCARE") : Optional.empty(),
                        new PrintStream(output, true, StandardCharsets.UTF_8));
        String report = output.toString(StandardCharsets.UTF_8);

        assertEquals(0, status, report);
        assertTrue(report.contains("Replayed 3, changed 2, not replayable 0"), report);
        assertTrue(report.matches("(?s).*REFER\\s+-> ACCEPT\\s+1\\s+changed.*"), report);
        assertTrue(report.matches("(?s).*REFER\\s+-> REFER\\s+1\\n.*"), report);
        assertTrue(report.matches("(?s).*ACCEPT\\s+-> ACCEPT\\s+1\\n.*"), report);
        assertTrue(report.matches("(?s).*Reason codes removed:\\n\\s+LOSS_HISTORY\\s+2\\n.*"), report);
        // Both referrals needed a senior underwriter: one still does, the other is no referral any more.
        assertTrue(report.matches("(?s).*SENIOR_UNDERWRITER\\s+-> none\\s+1\\s+changed.*"), report);
        assertTrue(report.matches("(?s).*SENIOR_UNDERWRITER\\s+-> SENIOR_UNDERWRITER\\s+1\\n.*"), report);
    }

    /**
     * The command as the application builds it, on the store an environment names (the service's
     * choice: PostgreSQL with UNDERWRITING_STORE_URL, else the embedded file in the data directory),
     * without a Quarkus start per store. ToolsIT runs it from the packaged application.
     */
    private static ImpactCommand command(Map<String, String> environment) {
        return new ImpactCommand(
                new DecisionRepository(store(environment), storeKind(environment)),
                ApplicationReader.standalone(),
                new RuleSetLoader(1),
                dataDirectory(environment));
    }

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

    private static void insert(DataSource store, Outcome outcome, List<String> codes, String body) throws Exception {
        String reasons = codes.stream()
                .map(code -> "{\"code\":\"" + code
                        + "\",\"outcome\":\"REFER\",\"rule\":\"a rule\",\"message\":\"a message\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        try (Connection connection = store.getConnection();
                PreparedStatement decision = connection.prepareStatement(
                        "INSERT INTO decision (decision_id, application_id, product,"
                                + " outcome, ruleset_version, drools_version, service_version, decided_at, engine_micros, requested_by, request_body,"
                                + " reasons, reason_codes, required_authority, guideline_version)"
                                + " VALUES (?, 'APP-1001', 'CYBER_HEALTHCARE', ?, 'sha256:before', '10.2.0', 'test', ?, 10, 'test', ?, ?, ?, ?, 'v1')")) {
            decision.setString(1, UUID.randomUUID().toString());
            decision.setString(2, outcome.name());
            decision.setObject(3, java.time.OffsetDateTime.now());
            decision.setString(4, body);
            decision.setString(5, reasons);
            decision.setArray(6, connection.createArrayOf("VARCHAR", codes.toArray(String[]::new)));
            decision.setString(7, outcome == Outcome.REFER ? "SENIOR_UNDERWRITER" : null);
            decision.executeUpdate();
        }
    }
}
