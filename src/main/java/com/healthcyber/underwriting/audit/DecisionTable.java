package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL of the decision record (schema: db/migration, then db/&lt;store&gt;). Written once for
 * both databases, but for the batch append on PostgreSQL, which has a one-statement form of its
 * own ({@link #appendAllPostgresql}).
 */
final class DecisionTable {

    static final String COLUMNS = "d.decision_id, d.application_id, d.product, d.outcome, d.ruleset_version, d.drools_version,"
            + " d.service_version, d.decided_at, d.engine_micros, d.requested_by, d.idempotency_key, d.request_body";

    /**
     * One statement for many decisions: per-statement work dominates the database's cost of a
     * small insert, so a batch is one multi-row INSERT rather than one execution per row. A
     * retry racing its original under the same idempotency key is skipped here (ON CONFLICT)
     * and then reads the original.
     */
    private static String insertDecisionsSql(int rows) {
        return "INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version,"
                + " drools_version, service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body) VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                + " ON CONFLICT DO NOTHING";
    }

    private static String insertReasonsSql(int rows) {
        return "INSERT INTO decision_reason (decision_id, position, code, outcome, rule_name, message) VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?)"));
    }

    /** Keeps one statement's parameters well under PostgreSQL's limit of 32,767. */
    private static final int ROWS_PER_STATEMENT = 200;

    private DecisionTable() {}

    /** Inserts the decisions (skipping idempotency-key conflicts) and returns how many rows went in. */
    static int insertDecisions(Connection connection, List<DecisionRecord> records) throws SQLException {
        int inserted = 0;
        for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
            List<DecisionRecord> chunk = records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement insert = connection.prepareStatement(insertDecisionsSql(chunk.size()))) {
                int parameter = 1;
                for (DecisionRecord record : chunk) {
                    parameter = bindDecision(insert, parameter, record);
                }
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }

    static void insertReasons(Connection connection, List<DecisionRecord> records) throws SQLException {
        List<DecisionRecord> chunk = new ArrayList<>();
        int rows = 0;
        for (DecisionRecord record : records) {
            if (rows + record.reasons().size() > ROWS_PER_STATEMENT && !chunk.isEmpty()) {
                insertReasonRows(connection, chunk, rows);
                chunk.clear();
                rows = 0;
            }
            chunk.add(record);
            rows += record.reasons().size();
        }
        insertReasonRows(connection, chunk, rows);
    }

    private static void insertReasonRows(Connection connection, List<DecisionRecord> records, int rows) throws SQLException {
        if (rows == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(insertReasonsSql(rows))) {
            int parameter = 1;
            for (DecisionRecord record : records) {
                parameter = bindReasons(insert, parameter, record);
            }
            insert.executeUpdate();
        }
    }

    /** Binds {@code record} as the row starting at parameter {@code first}; returns the next free parameter. */
    private static int bindDecision(PreparedStatement insert, int first, DecisionRecord record) throws SQLException {
        int index = first;
        insert.setString(index++, record.decisionId());
        insert.setString(index++, record.applicationId());
        insert.setString(index++, record.product().name());
        insert.setString(index++, record.outcome().name());
        insert.setString(index++, record.rulesetVersion());
        insert.setString(index++, record.droolsVersion());
        insert.setString(index++, record.serviceVersion());
        insert.setObject(index++, OffsetDateTime.ofInstant(record.decidedAt(), ZoneOffset.UTC));
        insert.setLong(index++, record.engineMicros());
        insert.setString(index++, record.requestedBy());
        if (record.idempotencyKey().isPresent()) {
            insert.setString(index++, record.idempotencyKey().get());
        } else {
            insert.setNull(index++, Types.VARCHAR);
        }
        insert.setString(index++, record.requestBody());
        return index;
    }

    /** Binds every reason of {@code record} as rows starting at parameter {@code first}; returns the next free parameter. */
    private static int bindReasons(PreparedStatement insert, int first, DecisionRecord record) throws SQLException {
        int index = first;
        int position = 0;
        for (Reason reason : record.reasons()) {
            insert.setString(index++, record.decisionId());
            insert.setInt(index++, position++);
            insert.setString(index++, reason.code());
            insert.setString(index++, reason.outcome().name());
            insert.setString(index++, reason.rule());
            insert.setString(index++, reason.message());
        }
        return index;
    }

    /**
     * PostgreSQL only: the whole batch — decisions and their reasons — in one statement, sent in
     * one round trip and committed on its own (auto-commit), with one fixed SQL text whatever the
     * batch size, so the server parses and plans it once. A decision skipped for its idempotency
     * key brings no reasons in. Returns the ids stored.
     */
    private static final String APPEND_ALL_POSTGRESQL = """
            WITH stored AS (
                INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version, drools_version,
                        service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body)
                SELECT d.decision_id, d.application_id, d.product, d.outcome, d.ruleset_version, d.drools_version,
                        d.service_version, d.decided_at::timestamptz, d.engine_micros, d.requested_by, d.idempotency_key, d.request_body
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                    AS d(decision_id, application_id, product, outcome, ruleset_version, drools_version,
                        service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body)
                ON CONFLICT DO NOTHING
                RETURNING decision_id
            ), reasons AS (
                INSERT INTO decision_reason (decision_id, position, code, outcome, rule_name, message)
                SELECT r.decision_id, r.position, r.code, r.outcome, r.rule_name, r.message
                FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS r(decision_id, position, code, outcome, rule_name, message)
                WHERE r.decision_id IN (SELECT decision_id FROM stored)
            )
            SELECT decision_id FROM stored""";

    static Set<String> appendAllPostgresql(Connection connection, List<DecisionRecord> records) throws SQLException {
        List<ReasonRow> reasons = new ArrayList<>();
        for (DecisionRecord record : records) {
            for (int position = 0; position < record.reasons().size(); position++) {
                reasons.add(new ReasonRow(record.decisionId(), position, record.reasons().get(position)));
            }
        }
        try (PreparedStatement append = connection.prepareStatement(APPEND_ALL_POSTGRESQL)) {
            int parameter = 1;
            append.setArray(parameter++, texts(connection, records, DecisionRecord::decisionId));
            append.setArray(parameter++, texts(connection, records, DecisionRecord::applicationId));
            append.setArray(parameter++, texts(connection, records, record -> record.product().name()));
            append.setArray(parameter++, texts(connection, records, record -> record.outcome().name()));
            append.setArray(parameter++, texts(connection, records, DecisionRecord::rulesetVersion));
            append.setArray(parameter++, texts(connection, records, DecisionRecord::droolsVersion));
            append.setArray(parameter++, texts(connection, records, DecisionRecord::serviceVersion));
            append.setArray(parameter++, texts(connection, records, record -> record.decidedAt().toString())); // ISO-8601, UTC
            append.setArray(parameter++, connection.createArrayOf("bigint", records.stream().map(DecisionRecord::engineMicros).toArray(Long[]::new)));
            append.setArray(parameter++, texts(connection, records, DecisionRecord::requestedBy));
            append.setArray(parameter++, texts(connection, records, record -> record.idempotencyKey().orElse(null)));
            append.setArray(parameter++, texts(connection, records, DecisionRecord::requestBody));
            append.setArray(parameter++, texts(connection, reasons, ReasonRow::decisionId));
            append.setArray(parameter++, connection.createArrayOf("int4", reasons.stream().map(ReasonRow::position).toArray(Integer[]::new)));
            append.setArray(parameter++, texts(connection, reasons, row -> row.reason().code()));
            append.setArray(parameter++, texts(connection, reasons, row -> row.reason().outcome().name()));
            append.setArray(parameter++, texts(connection, reasons, row -> row.reason().rule()));
            append.setArray(parameter, texts(connection, reasons, row -> row.reason().message()));
            Set<String> stored = new HashSet<>();
            try (ResultSet result = append.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getString(1));
                }
            }
            return stored;
        }
    }

    private record ReasonRow(String decisionId, int position, Reason reason) {}

    private static <T> java.sql.Array texts(Connection connection, List<T> rows, Function<T, String> column) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
    }

    /** Which of these decision ids are in the table: after a conflict, tells inserted rows from skipped ones. */
    static Set<String> existing(Connection connection, Collection<String> decisionIds) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement select = prepareForIds(connection, "SELECT decision_id FROM decision WHERE decision_id IN (%s)", decisionIds);
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                found.add(result.getString(1));
            }
        }
        return found;
    }

    /** The caller's record under this idempotency key: the original a racing retry gives way to. */
    static Optional<DecisionRecord> holderOfKey(Connection connection, String requestedBy, String idempotencyKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM decision d WHERE d.requested_by = ? AND d.idempotency_key = ?")) {
            select.setString(1, requestedBy);
            select.setString(2, idempotencyKey);
            return read(connection, select).stream().findFirst();
        }
    }

    /** {@code sql} with its {@code %s} replaced by one placeholder per id, the ids bound in order. */
    private static PreparedStatement prepareForIds(Connection connection, String sql, Collection<String> decisionIds) throws SQLException {
        PreparedStatement select = connection.prepareStatement(
                String.format(sql, String.join(", ", java.util.Collections.nCopies(decisionIds.size(), "?"))));
        int index = 1;
        for (String id : decisionIds) {
            select.setString(index++, id);
        }
        return select;
    }

    /** Reads the decisions a query selected ({@link #COLUMNS}), with their reasons, in the query's order. */
    static List<DecisionRecord> read(Connection connection, PreparedStatement query) throws SQLException {
        List<DecisionRecord> withoutReasons = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                withoutReasons.add(decision(result));
            }
        }
        Map<String, List<Reason>> reasons = reasonsOf(connection, withoutReasons.stream().map(DecisionRecord::decisionId).toList());
        return withoutReasons.stream().map(record -> record.withReasons(reasons.getOrDefault(record.decisionId(), List.of()))).toList();
    }

    private static Map<String, List<Reason>> reasonsOf(Connection connection, Collection<String> decisionIds) throws SQLException {
        Map<String, List<Reason>> reasons = new HashMap<>();
        if (decisionIds.isEmpty()) {
            return reasons;
        }
        try (PreparedStatement select = prepareForIds(connection, "SELECT decision_id, code, outcome, rule_name, message"
                        + " FROM decision_reason WHERE decision_id IN (%s) ORDER BY decision_id, position", decisionIds);
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                reasons.computeIfAbsent(result.getString(1), id -> new ArrayList<>()).add(new Reason(
                        result.getString(2), ReasonOutcome.valueOf(result.getString(3)), result.getString(4), result.getString(5)));
            }
        }
        return reasons;
    }

    /** One row of {@link #COLUMNS}; its reasons are in another table and come in {@link #read}. */
    private static DecisionRecord decision(ResultSet result) throws SQLException {
        return new DecisionRecord(result.getString(1), result.getString(2), Product.valueOf(result.getString(3)),
                Outcome.valueOf(result.getString(4)), List.of(), result.getString(5), result.getString(6), result.getString(7),
                result.getObject(8, OffsetDateTime.class).toInstant(), result.getLong(9), result.getString(10),
                Optional.ofNullable(result.getString(11)), result.getString(12));
    }
}
