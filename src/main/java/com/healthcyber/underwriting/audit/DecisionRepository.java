package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the decision record. Plain JDBC on any {@link DataSource}, so the service and the impact
 * command read the same way. Nothing here updates or deletes: the record is append-only.
 */
public class DecisionRepository {

    /** Rows per query when walking the history on H2: bounded memory however long the history is. */
    static final int WALK_PAGE = 500;

    /**
     * Rows per round trip of the walk's cursor on PostgreSQL: about 3 MB of request bodies, and
     * few enough round trips (500 for a million decisions) that their latency does not count.
     */
    static final int WALK_FETCH = 2_000;

    private final DataSource dataSource;
    private final boolean postgresql;
    private final Runnable answered;

    /** @param kind the database behind {@code dataSource} */
    public DecisionRepository(DataSource dataSource, StoreKind kind) {
        this(dataSource, kind, () -> {});
    }

    /** @param answered told after every successful read, so that an outage's end is logged even while nothing is decided */
    public DecisionRepository(DataSource dataSource, StoreKind kind, Runnable answered) {
        this.dataSource = dataSource;
        this.postgresql = kind == StoreKind.POSTGRESQL;
        this.answered = answered;
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return first("d.decision_id = ?", decisionId);
    }

    /** One page, newest first; one more row than asked tells whether another page follows. */
    public List<DecisionRecord> search(DecisionSearch search) {
        Where where = new Where();
        search.applicationId().ifPresent(id -> where.and("d.application_id = ?", id));
        search.product().ifPresent(product -> where.and("d.product = ?", product.name()));
        search.outcome().ifPresent(outcome -> where.and("d.outcome = ?", outcome.name()));
        search.guidelineVersion().ifPresent(version -> where.and("d.guideline_version = ?", version));
        search.reasonCode().ifPresent(code -> where.and(reasonCodeCondition(), code));
        search.decidedFrom().ifPresent(from -> where.and("d.decided_at >= ?", utc(from)));
        search.decidedTo().ifPresent(to -> where.and("d.decided_at < ?", utc(to)));
        // The first condition alone bounds the index range; the pair then skips what the last page showed.
        search.after()
                .ifPresent(after -> where.and(
                        "d.decided_at <= ? AND (d.decided_at < ? OR d.decision_id < ?)",
                        utc(after.decidedAt()),
                        utc(after.decidedAt()),
                        after.decisionId()));
        return query(where, "ORDER BY d.decided_at DESC, d.decision_id DESC", search.limit());
    }

    /**
     * Walks the selected decisions oldest first, handing each to {@code visit} on the calling
     * thread, and returns how many were visited. Reads only what a replay needs
     * ({@link StoredDecision}) and holds a bounded number of rows however long the history is:
     * PostgreSQL streams one query through a cursor ({@link #WALK_FETCH} rows per round trip);
     * H2 builds a query's whole result before handing out its first row, so there the walk
     * reads keyset pages of {@link #WALK_PAGE}. An exception {@code visit} throws ends the walk
     * and reaches the caller as thrown.
     */
    public int walk(ReplaySelection selection, Consumer<StoredDecision> visit) {
        return postgresql ? streamed(selection, visit) : paged(selection, visit);
    }

    private int streamed(ReplaySelection selection, Consumer<StoredDecision> visit) {
        Where where = selected(selection);
        String sql = "SELECT " + DecisionTable.STORED_COLUMNS + " FROM decision d" + where.sql()
                + " ORDER BY d.decided_at, d.decision_id LIMIT " + selection.maxDecisions();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            // The driver keeps a cursor open between fetches only inside a transaction; without
            // one it reads the whole result into memory at the first row.
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(WALK_FETCH);
                where.bind(select);
                int visited = 0;
                try (ResultSet result = select.executeQuery()) {
                    answered.run();
                    while (result.next()) {
                        visit.accept(DecisionTable.stored(result));
                        visited++;
                    }
                }
                answered.run();
                return visited;
            } finally {
                restore(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("the decision store could not be read", e);
        }
    }

    /**
     * The walk only read, so there is nothing to commit: the connection goes back to the pool as
     * it was lent. If even that fails the connection is broken, and the walk's own outcome (its
     * count, or what ended it) is still the one to report; the pool discards a broken connection.
     */
    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // see above
        }
    }

    private int paged(ReplaySelection selection, Consumer<StoredDecision> visit) {
        int visited = 0;
        Optional<DecisionSearch.Position> after = Optional.empty();
        while (visited < selection.maxDecisions()) {
            Where where = selected(selection);
            // A plain range on decided_at first, so every database starts the page from the index,
            // not from the beginning of the history (an OR alone made H2 rescan: quadratic).
            after.ifPresent(position -> where.and(
                    "d.decided_at >= ? AND (d.decided_at > ? OR d.decision_id > ?)",
                    utc(position.decidedAt()),
                    utc(position.decidedAt()),
                    position.decisionId()));
            String sql = "SELECT " + DecisionTable.STORED_COLUMNS + " FROM decision d" + where.sql()
                    + " ORDER BY d.decided_at, d.decision_id LIMIT "
                    + Math.min(WALK_PAGE, selection.maxDecisions() - visited);
            List<StoredDecision> page = new ArrayList<>(WALK_PAGE);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement select = connection.prepareStatement(sql)) {
                where.bind(select);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        page.add(DecisionTable.stored(result));
                    }
                }
                answered.run();
            } catch (SQLException e) {
                throw new StoreUnavailableException("the decision store could not be read", e);
            }
            // Visited with the connection back in the pool: a slow visitor holds none.
            page.forEach(visit);
            visited += page.size();
            if (page.size() < WALK_PAGE) {
                break;
            }
            StoredDecision last = page.get(page.size() - 1);
            after = Optional.of(new DecisionSearch.Position(last.decidedAt(), last.decisionId()));
        }
        return visited;
    }

    private static Where selected(ReplaySelection selection) {
        Where where = new Where();
        selection.product().ifPresent(product -> where.and("d.product = ?", product.name()));
        selection.guidelineVersion().ifPresent(version -> where.and("d.guideline_version = ?", version));
        selection.decidedFrom().ifPresent(from -> where.and("d.decided_at >= ?", utc(from)));
        selection.decidedTo().ifPresent(to -> where.and("d.decided_at < ?", utc(to)));
        return where;
    }

    /**
     * Decisions per UTC day of {@code [from, to)}, by outcome and by reason code, counted by the
     * database: the book's picture costs two grouped scans of the period's index range, never the
     * records themselves. PostgreSQL unnests the codes' array; H2, which cannot join an array to
     * its row, hands the arrays over and they are counted here (an embedded store is small).
     */
    public DailyCounts dailyCounts(Instant from, Instant to, Optional<Product> product) {
        String day = "CAST(d.decided_at AT TIME ZONE 'UTC' AS DATE)";
        String where =
                " WHERE d.decided_at >= ? AND d.decided_at < ?" + (product.isPresent() ? " AND d.product = ?" : "");
        String outcomes = "SELECT " + day + " AS decided_on, d.outcome, COUNT(*) AS n FROM decision d" + where
                + " GROUP BY " + day + ", d.outcome";
        String codes = postgresql
                ? "SELECT " + day
                        + " AS decided_on, c.code, COUNT(*) AS n FROM decision d CROSS JOIN LATERAL unnest(d.reason_codes) AS c(code)"
                        + where + " GROUP BY " + day + ", c.code"
                : "SELECT " + day + " AS decided_on, d.reason_codes FROM decision d" + where;
        try (Connection connection = dataSource.getConnection()) {
            List<DailyCounts.OutcomeCount> byOutcome = new ArrayList<>();
            try (PreparedStatement select = bindPeriod(connection.prepareStatement(outcomes), from, to, product);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byOutcome.add(new DailyCounts.OutcomeCount(
                            rows.getObject(1, LocalDate.class), Outcome.valueOf(rows.getString(2)), rows.getLong(3)));
                }
            }
            List<DailyCounts.CodeCount> byCode = new ArrayList<>();
            try (PreparedStatement select = bindPeriod(connection.prepareStatement(codes), from, to, product);
                    ResultSet rows = select.executeQuery()) {
                if (postgresql) {
                    while (rows.next()) {
                        byCode.add(new DailyCounts.CodeCount(
                                rows.getObject(1, LocalDate.class), rows.getString(2), rows.getLong(3)));
                    }
                } else {
                    Map<LocalDate, Map<String, Long>> counted = new TreeMap<>();
                    while (rows.next()) {
                        LocalDate date = rows.getObject(1, LocalDate.class);
                        for (Object code : (Object[]) rows.getArray(2).getArray()) {
                            counted.computeIfAbsent(date, key -> new TreeMap<>())
                                    .merge(code.toString(), 1L, Long::sum);
                        }
                    }
                    counted.forEach((date, perCode) ->
                            perCode.forEach((code, n) -> byCode.add(new DailyCounts.CodeCount(date, code, n))));
                }
            }
            answered.run();
            return new DailyCounts(byOutcome, byCode);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the decision store could not be read", e);
        }
    }

    private static PreparedStatement bindPeriod(
            PreparedStatement select, Instant from, Instant to, Optional<Product> product) throws SQLException {
        select.setObject(1, utc(from));
        select.setObject(2, utc(to));
        if (product.isPresent()) {
            select.setString(3, product.get().name());
        }
        return select;
    }

    /**
     * PostgreSQL finds decisions by reason code through the GIN index on {@code reason_codes}
     * (which serves containment, {@code @>}, not {@code = ANY}); H2 has no such index and
     * filters with {@code ARRAY_CONTAINS}.
     */
    private String reasonCodeCondition() {
        return postgresql ? "d.reason_codes @> ARRAY[CAST(? AS TEXT)]" : "ARRAY_CONTAINS(d.reason_codes, ?)";
    }

    /** Whether the store answers at all, within {@code timeoutSeconds}. */
    public boolean reachable(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    private Optional<DecisionRecord> first(String condition, Object... parameters) {
        Where where = new Where();
        where.and(condition, parameters);
        return query(where, "", 1).stream().findFirst();
    }

    private List<DecisionRecord> query(Where where, String order, int limit) {
        String sql =
                "SELECT " + DecisionTable.COLUMNS + " FROM decision d" + where.sql() + " " + order + " LIMIT " + limit;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            where.bind(select);
            List<DecisionRecord> records = DecisionTable.read(select);
            answered.run();
            return records;
        } catch (SQLException e) {
            throw new StoreUnavailableException("the decision store could not be read", e);
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
