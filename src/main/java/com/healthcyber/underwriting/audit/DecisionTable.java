package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL of the decision record (schema: db/migration, then db/&lt;store&gt;). Written once for
 * both databases, but for the batch append on PostgreSQL, which has a one-statement form of its
 * own ({@link #appendAllPostgresql}). A decision is one row: its reasons are a JSON array in it
 * ({@code reasons}), their codes an array beside it ({@code reason_codes}) for search.
 */
final class DecisionTable {

    static final String COLUMNS = "d.decision_id, d.application_id, d.product, d.outcome, d.ruleset_version, d.drools_version,"
            + " d.service_version, d.decided_at, d.engine_micros, d.requested_by, d.idempotency_key, d.request_body, d.reasons";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

    /**
     * One statement for many decisions: per-statement work dominates the database's cost of a
     * small insert, so a batch is one multi-row INSERT rather than one execution per row. A
     * retry racing its original under the same idempotency key is skipped here (ON CONFLICT)
     * and then reads the original.
     */
    private static String insertDecisionsSql(int rows) {
        return "INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version,"
                + " drools_version, service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body,"
                + " reasons, reason_codes) VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                + " ON CONFLICT DO NOTHING";
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
        insert.setString(index++, reasonsJson(record));
        insert.setArray(index++, insert.getConnection().createArrayOf("VARCHAR", record.codes().toArray(String[]::new)));
        return index;
    }

    /**
     * PostgreSQL only: the whole batch in one statement, sent in one round trip and committed on
     * its own (auto-commit), with one fixed SQL text whatever the batch size, so the server parses
     * it once per connection. (It plans it per execution while batches are small, a few decisions
     * each, and keeps one generic plan once they are larger: docs/benchmarks.md, session 6.)
     * Returns the ids stored: a retry racing its original under the same
     * idempotency key is skipped, and only that key is checked before the insert (a decision
     * without a key has nothing to check; a repeated decision id is an error, not a retry).
     */
    private static final String APPEND_ALL_POSTGRESQL = """
            INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version, drools_version,
                    service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body, reasons, reason_codes)
            SELECT d.decision_id, d.application_id, d.product, d.outcome, d.ruleset_version, d.drools_version,
                    d.service_version, d.decided_at::timestamptz, d.engine_micros, d.requested_by, d.idempotency_key, d.request_body,
                    d.reasons, d.reason_codes::text[]
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS d(decision_id, application_id, product, outcome, ruleset_version, drools_version,
                    service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body, reasons, reason_codes)
            ON CONFLICT (requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING decision_id""";

    static Set<String> appendAllPostgresql(Connection connection, List<DecisionRecord> records) throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(APPEND_ALL_POSTGRESQL)) {
            int parameter = 1;
            append.setObject(parameter++, column(records, DecisionRecord::decisionId));
            append.setObject(parameter++, column(records, DecisionRecord::applicationId));
            append.setObject(parameter++, column(records, record -> record.product().name()));
            append.setObject(parameter++, column(records, record -> record.outcome().name()));
            append.setObject(parameter++, column(records, DecisionRecord::rulesetVersion));
            append.setObject(parameter++, column(records, DecisionRecord::droolsVersion));
            append.setObject(parameter++, column(records, DecisionRecord::serviceVersion));
            append.setObject(parameter++, column(records, record -> record.decidedAt().toString())); // ISO-8601, UTC
            append.setObject(parameter++, records.stream().mapToLong(DecisionRecord::engineMicros).toArray());
            append.setObject(parameter++, column(records, DecisionRecord::requestedBy));
            append.setObject(parameter++, column(records, record -> record.idempotencyKey().orElse(null)));
            append.setObject(parameter++, column(records, DecisionRecord::requestBody));
            append.setObject(parameter++, column(records, DecisionTable::reasonsJson));
            append.setObject(parameter, column(records, record -> arrayLiteral(record.codes())));
            Set<String> stored = new HashSet<>();
            try (ResultSet result = append.executeQuery()) {
                while (result.next()) {
                    stored.add(result.getString(1));
                }
            }
            return stored;
        }
    }

    /** The reasons as kept: a JSON array of {code, outcome, rule, message}, in reporting order. */
    private static String reasonsJson(DecisionRecord record) {
        try {
            return JSON.writeValueAsString(record.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reasons of decision " + record.decisionId() + " cannot be written as JSON", e);
        }
    }

    /**
     * The codes as a PostgreSQL array literal, {@code {"A","B"}}: every element quoted, its quotes
     * and backslashes escaped, so any code reads back as written. A ragged list per row cannot
     * travel in an {@code unnest} column of its own; parsing this short literal costs the server
     * far less than taking the codes out of the reasons' JSON did.
     */
    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder(2 + values.size() * 24).append('{');
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /**
     * One column of the batch as a plain Java array: the PostgreSQL driver sends {@code String[]}
     * and {@code long[]} parameters in the binary array format, each element length-prefixed.
     * A {@code java.sql.Array} from {@code createArrayOf} goes as an array literal instead, in
     * which every quote of a request body is escaped by the service and unescaped again by the
     * database.
     */
    private static String[] column(List<DecisionRecord> rows, Function<DecisionRecord, String> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
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
            return read(select).stream().findFirst();
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

    /** Reads the decisions a query selected ({@link #COLUMNS}), in the query's order. */
    static List<DecisionRecord> read(PreparedStatement query) throws SQLException {
        List<DecisionRecord> records = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                records.add(decision(result));
            }
        }
        return records;
    }

    /** One row of {@link #COLUMNS}. */
    private static DecisionRecord decision(ResultSet result) throws SQLException {
        return new DecisionRecord(result.getString(1), result.getString(2), Product.valueOf(result.getString(3)),
                Outcome.valueOf(result.getString(4)), reasons(result.getString(1), result.getString(13)), result.getString(5),
                result.getString(6), result.getString(7), result.getObject(8, OffsetDateTime.class).toInstant(), result.getLong(9),
                result.getString(10), Optional.ofNullable(result.getString(11)), result.getString(12));
    }

    private static List<Reason> reasons(String decisionId, String json) throws SQLException {
        try {
            return List.copyOf(JSON.readValue(json, REASONS));
        } catch (JsonProcessingException e) {
            throw new SQLException("the reasons of decision " + decisionId + " on record are not readable", e);
        }
    }
}
