package com.healthcyber.underwriting.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import com.healthcyber.underwriting.application.ReferralStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Decisions recorded before reasons moved into the decision row (schema V2: a row per reason)
 * keep every reason, in order and word for word, once the store is migrated, on both stores.
 */
class RecordMigrationTest {

    private static final List<Reason> TWO_REASONS = List.of(
            new Reason(
                    "LOSS_HISTORY",
                    ReasonOutcome.REFER,
                    "One claim within five years",
                    "1 claim within 5 years of 2027-01-01: PHISHING on 2023-06-01, paid 45000"),
            new Reason(
                    "RECENT_BREACH",
                    ReasonOutcome.REFER,
                    "Remediated breach within three years",
                    "breach on 2024-09-15 (1200 records), \"remediated\" \\ Zürich"));

    @TempDir
    Path data;

    @Test
    void keepsEveryReasonOfDecisionsRecordedBeforeOnTheEmbeddedStore() throws Exception {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL(DecisionStoreSelection.embeddedUrl(data));
        assertReasonsSurviveTheMigration(store, StoreKind.EMBEDDED);
    }

    @Test
    void keepsEveryReasonOfDecisionsRecordedBeforeOnPostgresql() throws Exception {
        LocalPostgres.withDatabase(url -> {
            PGSimpleDataSource store = new PGSimpleDataSource();
            store.setURL(url);
            store.setUser(LocalPostgres.USER);
            assertReasonsSurviveTheMigration(store, StoreKind.POSTGRESQL);
        });
    }

    @Test
    void decisionsRecordedBeforeGuidelineVersionsAreV1OnTheEmbeddedStore() throws Exception {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL(DecisionStoreSelection.embeddedUrl(data));
        assertEarlierDecisionsBecomeV1(store, StoreKind.EMBEDDED);
    }

    @Test
    void decisionsRecordedBeforeGuidelineVersionsAreV1OnPostgresql() throws Exception {
        LocalPostgres.withDatabase(url -> {
            PGSimpleDataSource store = new PGSimpleDataSource();
            store.setURL(url);
            store.setUser(LocalPostgres.USER);
            assertEarlierDecisionsBecomeV1(store, StoreKind.POSTGRESQL);
        });
    }

    /** Schema V4 had one guideline; V5 records which version decided, and the writer must say it. */
    private static void assertEarlierDecisionsBecomeV1(DataSource store, StoreKind kind) throws Exception {
        Flyway.configure()
                .dataSource(store)
                .locations(kind.migrationLocations())
                .target(kind == StoreKind.EMBEDDED ? "3" : "4") // the embedded store has no V4
                .load()
                .migrate();
        String id = "0196f0a0-0000-7000-8000-000000000005";
        try (Connection connection = store.getConnection();
                PreparedStatement decision = connection.prepareStatement("INSERT INTO decision (decision_id,"
                        + " application_id, product, outcome, ruleset_version, drools_version, service_version,"
                        + " decided_at, engine_micros, requested_by, request_body, reasons, reason_codes)"
                        + " VALUES (?, 'APP-1001', 'CYBER_HEALTHCARE', 'ACCEPT', 'sha256:before', '10.2.0', 'test', ?,"
                        + " 10, 'test', '{}', '[]', ?)")) {
            decision.setString(1, id);
            decision.setObject(2, OffsetDateTime.ofInstant(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC));
            decision.setArray(3, connection.createArrayOf("VARCHAR", new String[0]));
            decision.executeUpdate();
        }

        Flyway.configure()
                .dataSource(store)
                .locations(kind.migrationLocations())
                .load()
                .migrate();

        DecisionRepository repository = new DecisionRepository(store, kind);
        assertEquals("v1", repository.find(id).orElseThrow().decision().guidelineVersion());
        try (Connection connection = store.getConnection();
                PreparedStatement withoutVersion = connection.prepareStatement("INSERT INTO decision (decision_id,"
                        + " application_id, product, outcome, ruleset_version, drools_version, service_version,"
                        + " decided_at, engine_micros, requested_by, request_body, reasons, reason_codes)"
                        + " VALUES ('0196f0a0-0000-7000-8000-000000000006', 'APP-1001', 'CYBER_HEALTHCARE', 'ACCEPT',"
                        + " 'sha256:after', '10.2.0', 'test', CURRENT_TIMESTAMP, 10, 'test', '{}', '[]', ?)")) {
            withoutVersion.setArray(1, connection.createArrayOf("VARCHAR", new String[0]));
            assertThrows(SQLException.class, withoutVersion::executeUpdate, "a decision must name its guideline");
        }
    }

    private static void assertReasonsSurviveTheMigration(DataSource store, StoreKind kind) throws Exception {
        Flyway.configure()
                .dataSource(store)
                .locations(kind.migrationLocations())
                .target("2")
                .load()
                .migrate();
        Instant decidedAt = Instant.parse("2026-11-01T10:00:00Z");
        insertAsVersionTwo(store, "0196f0a0-0000-7000-8000-000000000001", decidedAt, TWO_REASONS);
        insertAsVersionTwo(store, "0196f0a0-0000-7000-8000-000000000002", decidedAt.plusSeconds(1), List.of());

        Flyway.configure()
                .dataSource(store)
                .locations(kind.migrationLocations())
                .load()
                .migrate();

        DecisionRepository repository = new DecisionRepository(store, kind);
        assertEquals(
                TWO_REASONS,
                repository
                        .find("0196f0a0-0000-7000-8000-000000000001")
                        .orElseThrow()
                        .decision()
                        .reasons());
        assertEquals(
                List.of(),
                repository
                        .find("0196f0a0-0000-7000-8000-000000000002")
                        .orElseThrow()
                        .decision()
                        .reasons());
        assertEquals(List.of("0196f0a0-0000-7000-8000-000000000001"), idsWithCode(repository, "RECENT_BREACH"));
        assertEquals(List.of(), idsWithCode(repository, "TERRITORY"));
        // V6 computes no authority for referrals decided before it: none is invented, and none joins the desk's queue.
        assertEquals(
                null,
                repository
                        .find("0196f0a0-0000-7000-8000-000000000001")
                        .orElseThrow()
                        .decision()
                        .requiredAuthority());
        assertEquals(
                List.of(),
                new ReferralRepository(store)
                        .search(new ReferralSearch(
                                ReferralStatus.OPEN,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                10)));
    }

    private static List<String> idsWithCode(DecisionRepository repository, String code) {
        DecisionSearch search = new DecisionSearch(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(code),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                10);
        return repository.search(search).stream()
                .map(DecisionRecord::decisionId)
                .toList();
    }

    private static void insertAsVersionTwo(DataSource store, String id, Instant decidedAt, List<Reason> reasons)
            throws Exception {
        try (Connection connection = store.getConnection();
                PreparedStatement decision = connection.prepareStatement(
                        "INSERT INTO decision (decision_id, application_id, product,"
                                + " outcome, ruleset_version, drools_version, service_version, decided_at, engine_micros, requested_by, request_body)"
                                + " VALUES (?, 'APP-1001', 'CYBER_HEALTHCARE', 'REFER', 'sha256:before', '10.2.0', 'test', ?, 10, 'test', '{}')");
                PreparedStatement reason =
                        connection.prepareStatement("INSERT INTO decision_reason (decision_id, position, code,"
                                + " outcome, rule_name, message) VALUES (?, ?, ?, ?, ?, ?)")) {
            decision.setString(1, id);
            decision.setObject(2, OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC));
            decision.executeUpdate();
            for (int position = 0; position < reasons.size(); position++) {
                Reason given = reasons.get(position);
                reason.setString(1, id);
                reason.setInt(2, position);
                reason.setString(3, given.code());
                reason.setString(4, given.outcome().name());
                reason.setString(5, given.rule());
                reason.setString(6, given.message());
                reason.executeUpdate();
            }
        }
    }
}
