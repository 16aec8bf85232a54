package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The SQL of the decision record (schema: db/migration, then db/&lt;store&gt;). Written once for
 * both databases, but for the batch append on PostgreSQL, which has a one-statement form of its
 * own ({@link #appendAllPostgresql}). A decision is one row: its reasons are a JSON array in it
 * ({@code reasons}), their codes an array beside it ({@code reason_codes}) for search.
 */
final class DecisionTable {

    /**
     * One column of the table: its name, how a record's value is bound in the embedded insert,
     * and how a batch's values travel in the PostgreSQL append (a plain Java array, the
     * {@code unnest} parameter's type, and the cast that turns an element back into the column's
     * type). Every statement below is built from {@link #TABLE}, in its order.
     *
     * @param selected read back into a record ({@link #COLUMNS}); {@code reason_codes} is kept for search only
     */
    private record Column(
            String name, String arrayType, String fromArray, boolean selected, Binder bind, Batch batch) {}

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement insert, int index, DecisionRecord record) throws SQLException;
    }

    @FunctionalInterface
    private interface Batch {
        Object values(List<DecisionRecord> records);
    }

    private static Column text(String name, Function<DecisionRecord, String> value) {
        return new Column(
                name,
                "text[]",
                "d." + name,
                true,
                (insert, index, record) -> {
                    String text = value.apply(record);
                    if (text == null) {
                        insert.setNull(index, Types.VARCHAR);
                    } else {
                        insert.setString(index, text);
                    }
                },
                records -> column(records, value));
    }

    /** Travels to PostgreSQL as ISO-8601 text in UTC, cast back to a timestamp there. */
    private static Column timestamp(String name, Function<DecisionRecord, Instant> value) {
        return new Column(
                name,
                "text[]",
                "d." + name + "::timestamptz",
                true,
                (insert, index, record) ->
                        insert.setObject(index, OffsetDateTime.ofInstant(value.apply(record), ZoneOffset.UTC)),
                records -> column(records, record -> value.apply(record).toString()));
    }

    private static Column bigint(String name, ToLongFunction<DecisionRecord> value) {
        return new Column(
                name,
                "bigint[]",
                "d." + name,
                true,
                (insert, index, record) -> insert.setLong(index, value.applyAsLong(record)),
                records -> records.stream().mapToLong(value).toArray());
    }

    /** A text array per row: to PostgreSQL as one array literal per row ({@link #arrayLiteral}). */
    private static Column textArray(String name, Function<DecisionRecord, List<String>> value) {
        return new Column(
                name,
                "text[]",
                "d." + name + "::text[]",
                false,
                (insert, index, record) -> insert.setArray(
                        index,
                        insert.getConnection()
                                .createArrayOf("VARCHAR", value.apply(record).toArray(String[]::new))),
                records -> column(records, record -> arrayLiteral(value.apply(record))));
    }

    private static final Column DECISION_ID = text("decision_id", DecisionRecord::decisionId);
    private static final Column APPLICATION_ID =
            text("application_id", record -> record.decision().applicationId());
    private static final Column PRODUCT =
            text("product", record -> record.decision().product().name());
    private static final Column OUTCOME =
            text("outcome", record -> record.decision().outcome().name());
    private static final Column GUIDELINE_VERSION =
            text("guideline_version", record -> record.decision().guidelineVersion());
    private static final Column RULESET_VERSION =
            text("ruleset_version", record -> record.decision().rulesetVersion());
    private static final Column DROOLS_VERSION = text("drools_version", DecisionRecord::droolsVersion);
    private static final Column SERVICE_VERSION = text("service_version", DecisionRecord::serviceVersion);
    private static final Column DECIDED_AT =
            timestamp("decided_at", record -> record.decision().decidedAt());
    private static final Column ENGINE_MICROS = bigint("engine_micros", DecisionRecord::engineMicros);
    private static final Column REQUESTED_BY = text("requested_by", DecisionRecord::requestedBy);
    private static final Column IDEMPOTENCY_KEY =
            text("idempotency_key", record -> record.idempotencyKey().orElse(null));
    private static final Column REQUEST_BODY = text("request_body", DecisionRecord::requestBody);
    private static final Column REASONS = text("reasons", DecisionTable::reasonsJson);
    private static final Column REASON_CODES = textArray("reason_codes", DecisionRecord::codes);
    private static final Column REQUIRED_AUTHORITY = text(
            "required_authority",
            record -> record.decision().requiredAuthority() == null
                    ? null
                    : record.decision().requiredAuthority().name());

    /** The decision table, in column order: a field added to a decision is one entry here (and a migration). */
    private static final List<Column> TABLE = List.of(
            DECISION_ID,
            APPLICATION_ID,
            PRODUCT,
            OUTCOME,
            RULESET_VERSION,
            DROOLS_VERSION,
            SERVICE_VERSION,
            DECIDED_AT,
            ENGINE_MICROS,
            REQUESTED_BY,
            IDEMPOTENCY_KEY,
            REQUEST_BODY,
            REASONS,
            REASON_CODES,
            GUIDELINE_VERSION,
            REQUIRED_AUTHORITY);

    /** What a query selects to read records ({@link #read}), from the table aliased {@code d}. */
    static final String COLUMNS = TABLE.stream()
            .filter(Column::selected)
            .map(column -> "d." + column.name())
            .collect(Collectors.joining(", "));

    /**
     * What the walk of a replay selects ({@link #stored}): the stored codes from
     * {@code reason_codes} rather than the reasons' JSON, which a replay does not need. Every
     * writer fills both from the same reasons (the append here, the V3 migration for older rows).
     */
    static final String STORED_COLUMNS = "d." + DECISION_ID.name() + ", d." + DECIDED_AT.name() + ", d."
            + OUTCOME.name() + ", d." + REQUIRED_AUTHORITY.name() + ", d." + REASON_CODES.name() + ", d."
            + REQUEST_BODY.name();

    /** The table's columns, in {@link #TABLE}'s order: what the schema must hold, no more and no less. */
    static List<String> columnNames() {
        return TABLE.stream().map(Column::name).toList();
    }

    private static final String COLUMN_NAMES = TABLE.stream().map(Column::name).collect(Collectors.joining(", "));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Reason>> REASON_LIST = new TypeReference<>() {};

    /** One row's placeholders, {@code (?, ?, ...)}. */
    private static final String ROW = TABLE.stream().map(column -> "?").collect(Collectors.joining(", ", "(", ")"));

    /**
     * One statement for many decisions: per-statement work dominates the database's cost of a
     * small insert, so a batch is one multi-row INSERT rather than one execution per row. A
     * retry racing its original under the same idempotency key is skipped here (ON CONFLICT)
     * and then reads the original.
     */
    private static String insertDecisionsSql(int rows) {
        return "INSERT INTO decision (" + COLUMN_NAMES + ") VALUES " + String.join(", ", Collections.nCopies(rows, ROW))
                + " ON CONFLICT DO NOTHING";
    }

    /** What the desk's queue keeps of a referral (db/migration/V6): all it filters and orders on. */
    private static final String QUEUED_COLUMNS = "decided_at, decision_id, product, required_authority";

    /**
     * The embedded store: the referrals among {@code stored} (decisions just inserted) join the
     * desk's queue, in the transaction that inserted them.
     */
    static void queueReferrals(Connection connection, List<DecisionRecord> stored) throws SQLException {
        List<DecisionRecord> referrals = stored.stream()
                .filter(record -> record.decision().requiredAuthority() != null)
                .toList();
        if (referrals.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO open_referral (" + QUEUED_COLUMNS + ") VALUES "
                + String.join(", ", Collections.nCopies(referrals.size(), "(?, ?, ?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (DecisionRecord referral : referrals) {
                Decision decision = referral.decision();
                insert.setObject(parameter++, OffsetDateTime.ofInstant(decision.decidedAt(), ZoneOffset.UTC));
                insert.setString(parameter++, decision.decisionId());
                insert.setString(parameter++, decision.product().name());
                insert.setString(parameter++, decision.requiredAuthority().name());
            }
            insert.executeUpdate();
        }
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
                    for (Column column : TABLE) {
                        column.bind().bind(insert, parameter++, record);
                    }
                }
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }

    /**
     * PostgreSQL only: the whole batch in one statement, sent in one round trip and committed on
     * its own (auto-commit), with one fixed SQL text whatever the batch size, so the server parses
     * it once per connection. (It plans it per execution while batches are small, a few decisions
     * each, and keeps one generic plan once they are larger: docs/benchmarks.md, "Recorded decisions".)
     * Returns the ids stored: a retry racing its original under the same
     * idempotency key is skipped, and only that key is checked before the insert (a decision
     * without a key has nothing to check; a repeated decision id is an error, not a retry).
     * Each column is one array parameter ({@link Column#batch}), so the text is the same for
     * every batch size.
     */
    private static final String APPEND_ALL_POSTGRESQL = "WITH stored AS (INSERT INTO decision (" + COLUMN_NAMES + ")"
            + " SELECT " + TABLE.stream().map(Column::fromArray).collect(Collectors.joining(", "))
            + " FROM unnest("
            + TABLE.stream().map(column -> "?::" + column.arrayType()).collect(Collectors.joining(", ")) + ")"
            + " AS d(" + COLUMN_NAMES + ")"
            + " ON CONFLICT (requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING"
            + " RETURNING " + QUEUED_COLUMNS + "),"
            // The referrals among the stored decisions join the desk's queue in the same statement.
            + " queued AS (INSERT INTO open_referral (" + QUEUED_COLUMNS + ") SELECT " + QUEUED_COLUMNS
            + " FROM stored WHERE required_authority IS NOT NULL)"
            + " SELECT decision_id FROM stored";

    static Set<String> appendAllPostgresql(Connection connection, List<DecisionRecord> records) throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(APPEND_ALL_POSTGRESQL)) {
            int parameter = 1;
            for (Column column : TABLE) {
                append.setObject(parameter++, column.batch().values(records));
            }
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
            return JSON.writeValueAsString(record.decision().reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "reasons of decision " + record.decisionId() + " cannot be written as JSON", e);
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
        try (PreparedStatement select = prepareForIds(
                        connection, "SELECT decision_id FROM decision WHERE decision_id IN (%s)", decisionIds);
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                found.add(result.getString(1));
            }
        }
        return found;
    }

    /** The caller's record under this idempotency key: the original a racing retry gives way to. */
    static Optional<DecisionRecord> holderOfKey(Connection connection, String requestedBy, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM decision d WHERE d.requested_by = ? AND d.idempotency_key = ?")) {
            select.setString(1, requestedBy);
            select.setString(2, idempotencyKey);
            return read(select).stream().findFirst();
        }
    }

    /** {@code sql} with its {@code %s} replaced by one placeholder per id, the ids bound in order. */
    private static PreparedStatement prepareForIds(Connection connection, String sql, Collection<String> decisionIds)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(
                String.format(sql, String.join(", ", Collections.nCopies(decisionIds.size(), "?"))));
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

    /** One row of {@link #COLUMNS}, read by column name. */
    private static DecisionRecord decision(ResultSet result) throws SQLException {
        String decisionId = result.getString(DECISION_ID.name());
        Decision decision = new Decision(
                decisionId,
                result.getString(APPLICATION_ID.name()),
                Product.valueOf(result.getString(PRODUCT.name())),
                Outcome.valueOf(result.getString(OUTCOME.name())),
                reasons(decisionId, result.getString(REASONS.name())),
                result.getString(GUIDELINE_VERSION.name()),
                authority(result.getString(REQUIRED_AUTHORITY.name())),
                result.getString(RULESET_VERSION.name()),
                result.getObject(DECIDED_AT.name(), OffsetDateTime.class).toInstant());
        return new DecisionRecord(
                decision,
                result.getString(DROOLS_VERSION.name()),
                result.getString(SERVICE_VERSION.name()),
                result.getLong(ENGINE_MICROS.name()),
                result.getString(REQUESTED_BY.name()),
                Optional.ofNullable(result.getString(IDEMPOTENCY_KEY.name())),
                result.getString(REQUEST_BODY.name()));
    }

    /** One row of {@link #STORED_COLUMNS}, read by column name. */
    static StoredDecision stored(ResultSet result) throws SQLException {
        Array codes = result.getArray(REASON_CODES.name());
        Object[] values;
        try {
            values = (Object[]) codes.getArray();
        } finally {
            codes.free();
        }
        List<String> reasonCodes = new ArrayList<>(values.length);
        for (Object code : values) {
            reasonCodes.add((String) code);
        }
        return new StoredDecision(
                result.getString(DECISION_ID.name()),
                result.getObject(DECIDED_AT.name(), OffsetDateTime.class).toInstant(),
                Outcome.valueOf(result.getString(OUTCOME.name())),
                authority(result.getString(REQUIRED_AUTHORITY.name())),
                List.copyOf(reasonCodes),
                result.getString(REQUEST_BODY.name()));
    }

    /** Null on a decision that is no referral, and on a referral recorded before V6 kept the authority. */
    static AuthorityLevel authority(String name) {
        return name == null ? null : AuthorityLevel.valueOf(name);
    }

    static List<Reason> reasons(String decisionId, String json) throws SQLException {
        try {
            return List.copyOf(JSON.readValue(json, REASON_LIST));
        } catch (JsonProcessingException e) {
            throw new SQLException("the reasons of decision " + decisionId + " on record are not readable", e);
        }
    }
}
