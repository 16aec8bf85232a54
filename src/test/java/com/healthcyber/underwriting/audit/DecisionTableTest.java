package com.healthcyber.underwriting.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The table's one column definition matches the migrated schema on both stores, so a column
 * added by a migration but not to the definition (or the other way round) fails here rather
 * than leaving a field unwritten; and a record reads back field for field, by column name.
 */
class DecisionTableTest {

    @TempDir
    Path data;

    @Test
    void definesEveryColumnOfTheEmbeddedSchemaAndReadsARecordBackByName() throws Exception {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL(DecisionStoreSelection.embeddedUrl(data));
        migrate(store, StoreKind.EMBEDDED);

        assertEquals(schemaColumns(store), new TreeSet<>(DecisionTable.columnNames()));
        DecisionRecord keyed = record("0196f0a0-0000-7000-8000-000000000031", Optional.of("key-1"), null);
        DecisionRecord unkeyed =
                record("0196f0a0-0000-7000-8000-000000000032", Optional.empty(), AuthorityLevel.UNDERWRITING_MANAGER);
        try (Connection connection = store.getConnection()) {
            assertEquals(2, DecisionTable.insertDecisions(connection, List.of(keyed, unkeyed)));
        }
        DecisionRepository repository = new DecisionRepository(store, StoreKind.EMBEDDED);
        assertEquals(keyed, repository.find(keyed.decisionId()).orElseThrow());
        assertEquals(unkeyed, repository.find(unkeyed.decisionId()).orElseThrow());
    }

    @Test
    void definesEveryColumnOfThePostgresqlSchema() throws Exception {
        LocalPostgres.withDatabase(url -> {
            PGSimpleDataSource store = new PGSimpleDataSource();
            store.setURL(url);
            store.setUser(LocalPostgres.USER);
            migrate(store, StoreKind.POSTGRESQL);
            assertEquals(schemaColumns(store), new TreeSet<>(DecisionTable.columnNames()));
        });
    }

    private static void migrate(DataSource store, StoreKind kind) {
        Flyway.configure()
                .dataSource(store)
                .locations(kind.migrationLocations())
                .load()
                .migrate();
    }

    private static Set<String> schemaColumns(DataSource store) throws Exception {
        Set<String> columns = new TreeSet<>();
        try (Connection connection = store.getConnection();
                ResultSet result = connection.getMetaData().getColumns(null, null, "decision", null)) {
            while (result.next()) {
                columns.add(result.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    /** A decline without an authority, or a referral with one. */
    private static DecisionRecord record(String id, Optional<String> key, AuthorityLevel authority) {
        Decision decision = new Decision(
                id,
                "APP-1001",
                Product.MEDICAL_REGISTRY,
                authority == null ? Outcome.DECLINE : Outcome.REFER,
                authority == null
                        ? List.of(new Reason("TERRITORY", ReasonOutcome.DECLINE, "Outside the territory", "country FR"))
                        : List.of(new Reason("GENETIC_DATA", ReasonOutcome.REFER, "Genetic data", "1 registry")),
                "v1",
                authority,
                "sha256:table",
                Instant.parse("2026-11-30T10:00:00.456Z"));
        return new DecisionRecord(
                decision, "10.2.0", "test", 23, "platform-b", key, "{\"applicationId\": \"APP-1001\"}");
    }
}
