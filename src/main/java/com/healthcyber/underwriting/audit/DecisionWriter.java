package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.config.DecisionStoreSelection;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.healthcyber.underwriting.logging.LogText;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Appends decisions to the record with group commit: requests hand their record to one writer
 * thread; the writer commits whatever has queued up in one transaction and then completes every
 * waiting request's answer. A request therefore never answers before its own record is
 * committed, a busy service pays one commit per batch rather than per decision, and no request
 * thread sits blocked while the database works.
 */
@Singleton
public class DecisionWriter {

    private record Pending(DecisionRecord record, CompletableFuture<DecisionRecord> onFile) {}

    private final DataSource dataSource;
    private final boolean postgresql;
    private final Duration writeTimeout;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean running = true;

    private final Timer commitTime;
    private final DistributionSummary batchSize;
    private final Counter failures;

    public DecisionWriter(DecisionDataSource store, UnderwritingConfig config, MeterRegistry registry) {
        this.dataSource = store.get();
        this.postgresql = store.kind().equals(DecisionStoreSelection.POSTGRESQL);
        this.writeTimeout = config.store().writeTimeout();
        this.maxBatch = config.store().maxBatch();
        this.queue = new LinkedBlockingQueue<>(config.store().queueCapacity());
        this.commitTime = Timer.builder("underwriting.store.commit").description("Time to commit one batch of decision records")
                .tag("store", store.kind()).publishPercentileHistogram().register(registry);
        this.batchSize = DistributionSummary.builder("underwriting.store.batch").description("Decision records per commit")
                .tag("store", store.kind()).register(registry);
        this.failures = Counter.builder("underwriting.store.failures")
                .description("Decision records the store could not take (each answered 503)").tag("store", store.kind())
                .register(registry);
        this.writer = new Thread(this::writeUntilStopped, "decision-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Completes with the record on file for this request once its transaction is committed: the
     * record itself, or — when the same caller already has a record under the same idempotency
     * key — that earlier record, and this one is not stored. Fails with
     * {@link StoreUnavailableException} if it could not be committed in time: the caller must then
     * not answer with the decision. Never blocks: the request's thread is free while it waits.
     */
    public CompletableFuture<DecisionRecord> append(DecisionRecord record) {
        CompletableFuture<DecisionRecord> onFile = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(record, onFile))) {
            failures.increment();
            return CompletableFuture.failedFuture(new StoreUnavailableException("the decision store is not taking records"));
        }
        return onFile.orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(this::notCommitted);
    }

    private CompletableFuture<DecisionRecord> notCommitted(Throwable failure) {
        failures.increment();
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        return CompletableFuture.failedFuture(cause instanceof TimeoutException
                ? new StoreUnavailableException("the decision record was not committed within " + writeTimeout, cause)
                : new StoreUnavailableException("the decision record could not be committed", cause));
    }

    /**
     * Runs for the life of the service. Nothing a batch throws may end it: a dead writer would
     * turn every later decision into a 503 while the service looks alive.
     */
    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // No waiting for more: whatever queued up during the previous commit is this batch.
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                // Only stop() ends the writer; a stray interrupt from a driver must not.
            } catch (Throwable e) { // see above: the failure goes to the waiting requests and the log
                batch.forEach(pending -> pending.onFile().completeExceptionally(e));
                Log.error("decision writer failed a batch", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        try {
            List<DecisionRecord> onFile = commit(batch.stream().map(Pending::record).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).onFile().complete(onFile.get(i));
            }
            commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
        } catch (SQLException e) {
            if (batch.size() > 1 && isAboutTheData(e)) {
                // One record the database refuses must not take its neighbours down with it.
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            // The database's message may quote a refused value: the caller's text, escaped.
            Log.warnf("decision store refused %d record(s): %s", batch.size(), LogText.escape(e.getMessage()));
            batch.forEach(pending -> pending.onFile().completeExceptionally(e));
        }
    }

    /** Commits the records and returns, for each, the record now on file for its request. */
    private List<DecisionRecord> commit(List<DecisionRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return postgresql ? commitInOneStatement(connection, records) : commitInOneTransaction(connection, records);
        }
    }

    /**
     * PostgreSQL: one statement for the whole batch, its own transaction — one round trip to the
     * database per batch instead of three, which is most of a commit's time on a busy host.
     */
    private static List<DecisionRecord> commitInOneStatement(Connection connection, List<DecisionRecord> records) throws SQLException {
        connection.setAutoCommit(true);
        Set<String> stored = DecisionTable.appendAllPostgresql(connection, records);
        return stored.size() == records.size() ? records : onFile(connection, records, stored);
    }

    /** The embedded store: the portable statement, in a transaction that also reads any originals it gave way to. */
    private static List<DecisionRecord> commitInOneTransaction(Connection connection, List<DecisionRecord> records) throws SQLException {
        connection.setAutoCommit(false);
        try {
            int inserted = DecisionTable.insertDecisions(connection, records);
            if (inserted == records.size()) { // the common case: no retry raced its original
                connection.commit();
                return records;
            }
            Set<String> stored = DecisionTable.existing(connection, records.stream().map(DecisionRecord::decisionId).toList());
            List<DecisionRecord> onFile = onFile(connection, records, stored);
            connection.commit();
            return onFile;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    /** Each record if it was stored, else the original its idempotency key already holds. */
    private static List<DecisionRecord> onFile(Connection connection, List<DecisionRecord> records, Set<String> stored) throws SQLException {
        List<DecisionRecord> onFile = new ArrayList<>(records.size());
        for (DecisionRecord record : records) {
            onFile.add(stored.contains(record.decisionId()) ? record : originalOf(connection, record));
        }
        return onFile;
    }

    /** An original stored by this very batch is found too: same transaction, or committed by the one statement. */
    private static DecisionRecord originalOf(Connection connection, DecisionRecord skipped) throws SQLException {
        String key = skipped.idempotencyKey()
                .orElseThrow(() -> new SQLException("decision " + skipped.decisionId() + " was not stored and has no idempotency key"));
        return DecisionTable.holderOfKey(connection, skipped.requestedBy(), key)
                .orElseThrow(() -> new SQLException("decision " + skipped.decisionId() + " was not stored, yet no record holds its idempotency key"));
    }

    /** SQL state class 22 (data) or 23 (constraint): this record, not the database, is the problem. */
    private static boolean isAboutTheData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }

    /** Commits what is already queued before the service stops: those requests are still waiting. */
    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(writeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
