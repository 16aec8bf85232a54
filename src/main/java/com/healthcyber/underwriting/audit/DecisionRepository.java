package com.healthcyber.underwriting.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the decision record. Plain JDBC on any {@link DataSource}, so the service and the impact
 * command read the same way. Nothing here updates or deletes: the record is append-only.
 */
public class DecisionRepository {

    /** Rows per round trip when walking the history: bounded memory however long the history is. */
    static final int WALK_PAGE = 500;

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
     * Walks the selected decisions oldest first, a page at a time, handing each to {@code visit};
     * never holds more than one page. Returns how many were visited.
     */
    public int walk(ReplaySelection selection, Consumer<DecisionRecord> visit) {
        int visited = 0;
        Optional<DecisionSearch.Position> after = Optional.empty();
        while (visited < selection.maxDecisions()) {
            Where where = new Where();
            selection.product().ifPresent(product -> where.and("d.product = ?", product.name()));
            selection.decidedFrom().ifPresent(from -> where.and("d.decided_at >= ?", utc(from)));
            selection.decidedTo().ifPresent(to -> where.and("d.decided_at < ?", utc(to)));
            // A plain range on decided_at first, so every database starts the page from the index,
            // not from the beginning of the history (an OR alone made H2 rescan: quadratic).
            after.ifPresent(position -> where.and(
                    "d.decided_at >= ? AND (d.decided_at > ? OR d.decision_id > ?)",
                    utc(position.decidedAt()),
                    utc(position.decidedAt()),
                    position.decisionId()));
            List<DecisionRecord> page = query(
                    where,
                    "ORDER BY d.decided_at, d.decision_id",
                    Math.min(WALK_PAGE, selection.maxDecisions() - visited));
            for (DecisionRecord record : page) {
                visit.accept(record);
            }
            visited += page.size();
            if (page.size() < WALK_PAGE) {
                break;
            }
            DecisionRecord last = page.get(page.size() - 1);
            after = Optional.of(new DecisionSearch.Position(last.decision().decidedAt(), last.decisionId()));
        }
        return visited;
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
            int index = 1;
            for (Object parameter : where.parameters) {
                select.setObject(index++, parameter);
            }
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
