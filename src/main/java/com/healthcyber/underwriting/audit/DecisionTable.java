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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the decision record, written once for both databases (see V1__decision_record.sql). */
final class DecisionTable {

    static final String COLUMNS = "d.decision_id, d.application_id, d.product, d.outcome, d.ruleset_version, d.drools_version,"
            + " d.service_version, d.decided_at, d.engine_micros, d.requested_by, d.idempotency_key, d.request_body";

    /** A retry racing its original loses quietly here (0 rows) and then reads the original. */
    static final String INSERT_DECISION = "INSERT INTO decision (decision_id, application_id, product, outcome, ruleset_version,"
            + " drools_version, service_version, decided_at, engine_micros, requested_by, idempotency_key, request_body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    static final String INSERT_REASON =
            "INSERT INTO decision_reason (decision_id, position, code, outcome, rule_name, message) VALUES (?, ?, ?, ?, ?, ?)";

    private DecisionTable() {}

    static void bindDecision(PreparedStatement insert, DecisionRecord record) throws SQLException {
        insert.setString(1, record.decisionId());
        insert.setString(2, record.applicationId());
        insert.setString(3, record.product().name());
        insert.setString(4, record.outcome().name());
        insert.setString(5, record.rulesetVersion());
        insert.setString(6, record.droolsVersion());
        insert.setString(7, record.serviceVersion());
        insert.setObject(8, OffsetDateTime.ofInstant(record.decidedAt(), ZoneOffset.UTC));
        insert.setLong(9, record.engineMicros());
        insert.setString(10, record.requestedBy());
        if (record.idempotencyKey().isPresent()) {
            insert.setString(11, record.idempotencyKey().get());
        } else {
            insert.setNull(11, Types.VARCHAR);
        }
        insert.setString(12, record.requestBody());
    }

    static void addReasons(PreparedStatement insert, DecisionRecord record) throws SQLException {
        int position = 0;
        for (Reason reason : record.reasons()) {
            insert.setString(1, record.decisionId());
            insert.setInt(2, position++);
            insert.setString(3, reason.code());
            insert.setString(4, reason.outcome().name());
            insert.setString(5, reason.rule());
            insert.setString(6, reason.message());
            insert.addBatch();
        }
    }

    /** Reads the decisions a query selected ({@link #COLUMNS}), with their reasons, in the query's order. */
    static List<DecisionRecord> read(Connection connection, PreparedStatement query) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(row(result));
            }
        }
        Map<String, List<Reason>> reasons = reasonsOf(connection, rows.stream().map(Row::decisionId).toList());
        return rows.stream().map(row -> row.toRecord(reasons.getOrDefault(row.decisionId(), List.of()))).toList();
    }

    private static Map<String, List<Reason>> reasonsOf(Connection connection, Collection<String> decisionIds) throws SQLException {
        Map<String, List<Reason>> reasons = new HashMap<>();
        if (decisionIds.isEmpty()) {
            return reasons;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(decisionIds.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT decision_id, code, outcome, rule_name, message"
                + " FROM decision_reason WHERE decision_id IN (" + placeholders + ") ORDER BY decision_id, position")) {
            int index = 1;
            for (String id : decisionIds) {
                select.setString(index++, id);
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    reasons.computeIfAbsent(result.getString(1), id -> new ArrayList<>()).add(new Reason(
                            result.getString(2), ReasonOutcome.valueOf(result.getString(3)), result.getString(4), result.getString(5)));
                }
            }
        }
        return reasons;
    }

    private static Row row(ResultSet result) throws SQLException {
        return new Row(result.getString(1), result.getString(2), Product.valueOf(result.getString(3)),
                Outcome.valueOf(result.getString(4)), result.getString(5), result.getString(6), result.getString(7),
                result.getObject(8, OffsetDateTime.class).toInstant(), result.getLong(9), result.getString(10),
                Optional.ofNullable(result.getString(11)), result.getString(12));
    }

    private record Row(String decisionId, String applicationId, Product product, Outcome outcome, String rulesetVersion,
            String droolsVersion, String serviceVersion, Instant decidedAt, long engineMicros, String requestedBy,
            Optional<String> idempotencyKey, String requestBody) {

        DecisionRecord toRecord(List<Reason> reasons) {
            return new DecisionRecord(decisionId, applicationId, product, outcome, reasons, rulesetVersion, droolsVersion,
                    serviceVersion, decidedAt, engineMicros, requestedBy, idempotencyKey, requestBody);
        }
    }
}
