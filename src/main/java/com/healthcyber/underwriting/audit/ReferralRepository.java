package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.application.Resolution;
import com.healthcyber.underwriting.application.ResolutionAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The referral desk's part of the record (db/migration/V6): resolutions, append-only and one
 * per decision, and the queue of referrals still open. Plain JDBC on the decision store, like
 * {@link DecisionRepository}; the same SQL on both databases.
 */
public class ReferralRepository {

    /** What became of a resolution sent to the store. */
    public sealed interface Filing {}

    /** It is on record now, and its referral left the queue in the same transaction. */
    public record Stored(ResolutionRecord record) implements Filing {}

    /** The resolver already used this idempotency key: this is what it recorded; nothing new was. */
    public record KeyInUse(ResolutionRecord original) implements Filing {}

    /** Someone resolved the decision first: this is their resolution; nothing new was recorded. */
    public record AlreadyResolved(ResolutionRecord existing) implements Filing {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private static final String RESOLUTION_COLUMNS = "r.decision_id, r.product, r.required_authority, r.decided_at,"
            + " r.action, r.final_outcome, r.rationale, r.subjectivities, r.resolved_by, r.authority, r.resolved_at,"
            + " r.idempotency_key";

    private static final String INSERT_RESOLUTION = "INSERT INTO referral_resolution (decision_id, product,"
            + " required_authority, decided_at, action, final_outcome, rationale, subjectivities, resolved_by,"
            + " authority, resolved_at, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            // Either unique key: the decision resolved already, or this resolver's key used already.
            + " ON CONFLICT DO NOTHING";

    private static final String LEAVE_QUEUE = "DELETE FROM open_referral WHERE decided_at = ? AND decision_id = ?";

    private final DataSource dataSource;
    private final Runnable answered;

    public ReferralRepository(DataSource dataSource) {
        this(dataSource, () -> {});
    }

    /** @param answered told after every successful read or write, as {@link DecisionRepository} does */
    public ReferralRepository(DataSource dataSource, Runnable answered) {
        this.dataSource = dataSource;
        this.answered = answered;
    }

    /**
     * Records the resolution and takes its referral off the queue, in one transaction that is
     * committed before this returns; or says why not. Two resolutions of one decision sent at
     * the same moment are decided by the primary key: one is stored, the other finds it.
     */
    public Filing resolve(ResolutionRecord record) {
        int inserted = 0;
        boolean committed = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                inserted = insert(connection, record);
                if (inserted == 1) {
                    try (PreparedStatement leave = connection.prepareStatement(LEAVE_QUEUE)) {
                        leave.setObject(1, utc(record.decidedAt()));
                        leave.setString(2, record.decisionId());
                        leave.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw new ResolutionNotStoredException("the resolution could not be recorded", e);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new ResolutionOutcomeUnknownException(
                        "the decision store did not confirm the resolution",
                        record.idempotencyKey().isPresent(),
                        e);
            }
            committed = true;
            connection.setAutoCommit(true); // as the pool lent it
        } catch (SQLException e) {
            if (!committed) {
                throw new ResolutionNotStoredException("the decision store could not be reached", e);
            }
            // Committed: a connection that fails afterwards changes nothing on record; the pool discards it.
        }
        answered.run();
        if (inserted == 1) {
            return new Stored(record);
        }
        // Nothing went in: a committed row holds one of the keys (the insert waited for it).
        Optional<ResolutionRecord> original = record.idempotencyKey()
                .flatMap(key -> resolutionUnderKey(record.resolution().resolvedBy(), key));
        if (original.isPresent()) {
            return new KeyInUse(original.get());
        }
        return new AlreadyResolved(resolution(record.decisionId())
                .orElseThrow(() -> new StoreUnavailableException(
                        "the resolution of " + record.decisionId() + " was refused, yet none is on record")));
    }

    /** The resolver's resolution under this idempotency key, if it made one. */
    public Optional<ResolutionRecord> resolutionUnderKey(String resolvedBy, String idempotencyKey) {
        return first("r.resolved_by = ? AND r.idempotency_key = ?", resolvedBy, idempotencyKey);
    }

    public Optional<ResolutionRecord> resolution(String decisionId) {
        return first("r.decision_id = ?", decisionId);
    }

    /** One page of the desk's list; one more row than asked tells whether another page follows. */
    public List<ReferralRecord> search(ReferralSearch search) {
        return search.status() == ReferralStatus.OPEN ? open(search) : resolved(search);
    }

    private List<ReferralRecord> open(ReferralSearch search) {
        Where where = new Where();
        search.requiredAuthority().ifPresent(level -> where.and("q.required_authority = ?", level.name()));
        search.product().ifPresent(product -> where.and("q.product = ?", product.name()));
        // A plain range first, so every database starts the page from the index (DecisionRepository#walk).
        search.after()
                .ifPresent(after -> where.and(
                        "q.decided_at >= ? AND (q.decided_at > ? OR q.decision_id > ?)",
                        utc(after.decidedAt()),
                        utc(after.decidedAt()),
                        after.decisionId()));
        String sql = "SELECT q.decision_id, q.decided_at, q.product, q.required_authority, d.application_id, d.reasons"
                + " FROM open_referral q JOIN decision d ON d.decision_id = q.decision_id" + where.sql()
                + " ORDER BY q.decided_at, q.decision_id LIMIT " + search.limit();
        return query(
                sql,
                where,
                result -> new ReferralRecord(
                        result.getString("decision_id"),
                        result.getString("application_id"),
                        Product.valueOf(result.getString("product")),
                        instant(result, "decided_at"),
                        AuthorityLevel.valueOf(result.getString("required_authority")),
                        DecisionTable.reasons(result.getString("decision_id"), result.getString("reasons")),
                        Optional.empty()));
    }

    private List<ReferralRecord> resolved(ReferralSearch search) {
        Where where = new Where();
        search.requiredAuthority().ifPresent(level -> where.and("r.required_authority = ?", level.name()));
        search.product().ifPresent(product -> where.and("r.product = ?", product.name()));
        search.resolvedFrom().ifPresent(from -> where.and("r.resolved_at >= ?", utc(from)));
        search.after()
                .ifPresent(after -> where.and(
                        "r.resolved_at >= ? AND (r.resolved_at > ? OR r.decision_id > ?)",
                        utc(after.decidedAt()),
                        utc(after.decidedAt()),
                        after.decisionId()));
        String sql = "SELECT " + RESOLUTION_COLUMNS + ", d.application_id, d.reasons"
                + " FROM referral_resolution r JOIN decision d ON d.decision_id = r.decision_id" + where.sql()
                + " ORDER BY r.resolved_at, r.decision_id LIMIT " + search.limit();
        return query(sql, where, result -> {
            ResolutionRecord resolution = resolution(result);
            return new ReferralRecord(
                    resolution.decisionId(),
                    result.getString("application_id"),
                    resolution.product(),
                    resolution.decidedAt(),
                    resolution.requiredAuthority(),
                    DecisionTable.reasons(resolution.decisionId(), result.getString("reasons")),
                    Optional.of(resolution.resolution()));
        });
    }

    /** Open referrals by the authority they need, every level listed (zero when none wait for it). */
    public Map<AuthorityLevel, Long> openByAuthority() {
        Map<AuthorityLevel, Long> counts = new EnumMap<>(AuthorityLevel.class);
        for (AuthorityLevel level : AuthorityLevel.values()) {
            counts.put(level, 0L);
        }
        String sql = "SELECT required_authority, COUNT(*) AS waiting FROM open_referral GROUP BY required_authority";
        for (Map.Entry<AuthorityLevel, Long> count : query(
                sql,
                new Where(),
                result -> Map.entry(
                        AuthorityLevel.valueOf(result.getString("required_authority")), result.getLong("waiting")))) {
            counts.put(count.getKey(), count.getValue());
        }
        return counts;
    }

    /**
     * The open referrals counted by age band and required authority, in one pass over the queue
     * (never the decision table): its cost grows with the referrals waiting, not with the record.
     *
     * @param bounds ascending ages that separate the bands
     */
    public ReferralAges openByAge(Instant asOf, List<java.time.Duration> bounds, Optional<Product> product) {
        if (bounds.isEmpty()) {
            throw new IllegalArgumentException("at least one bound");
        }
        // Waited less than a bound is decided after asOf minus the bound: plain comparisons on the column.
        List<Object> parameters = new ArrayList<>();
        StringBuilder bands = new StringBuilder();
        for (int band = 0; band <= bounds.size(); band++) {
            List<String> conditions = new ArrayList<>();
            if (band > 0) {
                conditions.add("decided_at <= ?");
                parameters.add(utc(asOf.minus(bounds.get(band - 1))));
            }
            if (band < bounds.size()) {
                conditions.add("decided_at > ?");
                parameters.add(utc(asOf.minus(bounds.get(band))));
            }
            bands.append(", COUNT(CASE WHEN ")
                    .append(String.join(" AND ", conditions))
                    .append(" THEN 1 END) AS band_")
                    .append(band);
        }
        Where where = new Where();
        product.ifPresent(chosen -> where.and("product = ?", chosen.name()));
        parameters.addAll(where.parameters);
        String sql = "SELECT required_authority" + bands + " FROM open_referral" + where.sql()
                + " GROUP BY required_authority";
        Map<AuthorityLevel, List<Long>> counts = new EnumMap<>(AuthorityLevel.class);
        for (AuthorityLevel level : AuthorityLevel.values()) {
            counts.put(level, java.util.Collections.nCopies(bounds.size() + 1, 0L));
        }
        for (Map.Entry<AuthorityLevel, List<Long>> row : query(sql, parameters, result -> {
            List<Long> inBands = new ArrayList<>();
            for (int band = 0; band <= bounds.size(); band++) {
                inBands.add(result.getLong("band_" + band));
            }
            return Map.entry(AuthorityLevel.valueOf(result.getString("required_authority")), List.copyOf(inBands));
        })) {
            counts.put(row.getKey(), row.getValue());
        }
        return new ReferralAges(asOf, bounds, counts);
    }

    private Optional<ResolutionRecord> first(String condition, Object... parameters) {
        Where where = new Where();
        where.and(condition, parameters);
        return query(
                        "SELECT " + RESOLUTION_COLUMNS + " FROM referral_resolution r" + where.sql(),
                        where,
                        this::resolution)
                .stream()
                .findFirst();
    }

    private static int insert(Connection connection, ResolutionRecord record) throws SQLException {
        Resolution resolution = record.resolution();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RESOLUTION)) {
            insert.setString(1, record.decisionId());
            insert.setString(2, record.product().name());
            insert.setString(3, record.requiredAuthority().name());
            insert.setObject(4, utc(record.decidedAt()));
            insert.setString(5, resolution.action().name());
            insert.setString(6, resolution.finalOutcome().name());
            insert.setString(7, resolution.rationale());
            insert.setString(8, json(resolution.subjectivities()));
            insert.setString(9, resolution.resolvedBy());
            insert.setString(10, resolution.authority().name());
            insert.setObject(11, utc(resolution.resolvedAt()));
            insert.setString(12, record.idempotencyKey().orElse(null));
            return insert.executeUpdate();
        }
    }

    private ResolutionRecord resolution(ResultSet result) throws SQLException {
        String decisionId = result.getString("decision_id");
        return new ResolutionRecord(
                decisionId,
                Product.valueOf(result.getString("product")),
                AuthorityLevel.valueOf(result.getString("required_authority")),
                instant(result, "decided_at"),
                new Resolution(
                        ResolutionAction.valueOf(result.getString("action")),
                        Outcome.valueOf(result.getString("final_outcome")),
                        result.getString("rationale"),
                        subjectivities(decisionId, result.getString("subjectivities")),
                        result.getString("resolved_by"),
                        AuthorityLevel.valueOf(result.getString("authority")),
                        instant(result, "resolved_at")),
                Optional.ofNullable(result.getString("idempotency_key")));
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> List<T> query(String sql, Where where, Row<T> row) {
        return query(sql, where.parameters, row);
    }

    private <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object parameter : parameters) {
                select.setObject(index++, parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            answered.run();
            return rows;
        } catch (SQLException e) {
            throw new StoreUnavailableException("the decision store could not be read", e);
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private static List<String> subjectivities(String decisionId, String json) throws SQLException {
        try {
            return List.copyOf(JSON.readValue(json, STRINGS));
        } catch (JsonProcessingException e) {
            throw new SQLException("the subjectivities of the resolution of " + decisionId + " are not readable", e);
        }
    }

    private static Instant instant(ResultSet result, String column) throws SQLException {
        return result.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }
}
