package com.healthcyber.underwriting.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import com.healthcyber.underwriting.application.ReferralStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one-statement batch append on PostgreSQL: every column arrives as written, whatever it
 * holds; the idempotency key is the only thing a decision may give way to.
 */
class PostgresAppendTest {

    /** Quotes, backslashes, commas, braces and non-ASCII: what an array literal or JSON would have to escape. */
    private static final String AWKWARD = "a \"quoted\", {braced} \\ back\\slashed Zürich ✓";

    @Test
    void storesEveryColumnAsWrittenAndFindsEachReasonCode() throws Exception {
        withMigratedStore(store -> {
            Reason plain = new Reason("LOSS_HISTORY", ReasonOutcome.REFER, "One claim within five years", "1 claim");
            Reason awkward =
                    new Reason("CODE,WITH \"QUOTES\" \\ AND {BRACES}", ReasonOutcome.DECLINE, AWKWARD, AWKWARD);
            DecisionRecord first = record(
                    "0196f0a0-0000-7000-8000-000000000001",
                    List.of(plain, awkward),
                    Optional.empty(),
                    "{\"note\": \"" + AWKWARD.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            DecisionRecord second = record("0196f0a0-0000-7000-8000-000000000002", List.of(), Optional.empty(), "{}");

            assertEquals(Set.of(first.decisionId(), second.decisionId()), append(store, List.of(first, second)));

            DecisionRepository repository = new DecisionRepository(store, StoreKind.POSTGRESQL);
            assertEquals(first, repository.find(first.decisionId()).orElseThrow());
            assertEquals(second, repository.find(second.decisionId()).orElseThrow());
            assertEquals(List.of(first.decisionId()), idsWithCode(repository, awkward.code()));
            assertEquals(List.of(first.decisionId()), idsWithCode(repository, plain.code()));
            assertEquals(List.of(), idsWithCode(repository, "CODE"));
        });
    }

    @Test
    void skipsOnlyARepeatedIdempotencyKeyOfTheSameCaller() throws Exception {
        withMigratedStore(store -> {
            DecisionRecord original =
                    record("0196f0a0-0000-7000-8000-000000000011", List.of(), Optional.of("key-1"), "{}");
            DecisionRecord retry =
                    record("0196f0a0-0000-7000-8000-000000000012", List.of(), Optional.of("key-1"), "{}");
            DecisionRecord unkeyed = record("0196f0a0-0000-7000-8000-000000000013", List.of(), Optional.empty(), "{}");
            DecisionRecord unkeyedToo =
                    record("0196f0a0-0000-7000-8000-000000000014", List.of(), Optional.empty(), "{}");

            assertEquals(
                    Set.of(original.decisionId(), unkeyed.decisionId(), unkeyedToo.decisionId()),
                    append(store, List.of(original, retry, unkeyed, unkeyedToo)));
            assertTrue(new DecisionRepository(store, StoreKind.POSTGRESQL)
                    .find(retry.decisionId())
                    .isEmpty());
            // The referrals stored joined the desk's queue in the same statement; the skipped retry did not.
            assertEquals(
                    List.of(original.decisionId(), unkeyed.decisionId(), unkeyedToo.decisionId()),
                    new ReferralRepository(store)
                                    .search(new ReferralSearch(
                                            ReferralStatus.OPEN,
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.empty(),
                                            10))
                                    .stream()
                                    .map(ReferralRecord::decisionId)
                                    .toList());
        });
    }

    @Test
    void refusesARepeatedDecisionIdInsteadOfSkippingIt() throws Exception {
        withMigratedStore(store -> {
            DecisionRecord stored = record("0196f0a0-0000-7000-8000-000000000021", List.of(), Optional.empty(), "{}");
            append(store, List.of(stored));

            SQLException refused = assertThrows(SQLException.class, () -> append(store, List.of(stored)));
            assertEquals("23505", refused.getSQLState()); // unique_violation: the writer's "about the data" case
        });
    }

    private interface StoreUse {
        void accept(PGSimpleDataSource store) throws Exception;
    }

    private static void withMigratedStore(StoreUse use) throws Exception {
        LocalPostgres.withDatabase(url -> {
            PGSimpleDataSource store = new PGSimpleDataSource();
            store.setURL(url);
            store.setUser(LocalPostgres.USER);
            Flyway.configure()
                    .dataSource(store)
                    .locations(StoreKind.POSTGRESQL.migrationLocations())
                    .load()
                    .migrate();
            use.accept(store);
        });
    }

    private static Set<String> append(PGSimpleDataSource store, List<DecisionRecord> records) throws SQLException {
        try (Connection connection = store.getConnection()) {
            return DecisionTable.appendAllPostgresql(connection, records);
        }
    }

    private static DecisionRecord record(String id, List<Reason> reasons, Optional<String> key, String body) {
        Decision decision = new Decision(
                id,
                "APP-1001",
                Product.CYBER_HEALTHCARE,
                Outcome.REFER,
                reasons,
                "v1",
                AuthorityLevel.SENIOR_UNDERWRITER,
                "sha256:test",
                Instant.parse("2026-11-30T10:00:00.123Z"));
        return new DecisionRecord(decision, "10.2.0", "test", 17, "platform-a", key, body);
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
}
