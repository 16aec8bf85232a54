package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Appends decisions to the record with group commit: requests hand their record to one writer
 * thread and wait; the writer commits whatever has queued up in one transaction and then
 * releases every waiting request. A request therefore never answers before its own record is
 * committed, and a busy service pays one commit per batch rather than per decision.
 */
@Singleton
public class DecisionWriter {

    /** What became of an appended record. */
    public enum Appended {
        /** Committed as a new record. */
        STORED,
        /** Not stored: the same caller already has a record under this idempotency key. */
        DUPLICATE_KEY
    }

    private record Pending(DecisionRecord record, CompletableFuture<Appended> result) {}

    private final DataSource dataSource;
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
     * Returns once the record is committed (or found to duplicate an earlier one by idempotency
     * key). Throws {@link StoreUnavailableException} if it could not be committed in time: the
     * caller must then not answer with the decision.
     */
    public Appended append(DecisionRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            failures.increment();
            throw new StoreUnavailableException("the decision store is not taking records");
        }
        try {
            return pending.result().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failures.increment();
            throw new StoreUnavailableException("the decision record was not committed within " + writeTimeout, e);
        } catch (ExecutionException e) {
            failures.increment();
            throw new StoreUnavailableException("the decision record could not be committed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while the decision record was committed", e);
        }
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
                batch.forEach(pending -> pending.result().completeExceptionally(e));
                Log.error("decision writer failed a batch", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        try {
            List<Appended> results = commit(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
            commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSize.record(batch.size());
        } catch (SQLException e) {
            if (batch.size() > 1 && isAboutTheData(e)) {
                // One record the database refuses must not take its neighbours down with it.
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            Log.warnf("decision store refused %d record(s): %s", batch.size(), e.getMessage());
            batch.forEach(pending -> pending.result().completeExceptionally(e));
        }
    }

    private List<Appended> commit(List<Pending> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<DecisionRecord> records = batch.stream().map(Pending::record).toList();
                int inserted = DecisionTable.insertDecisions(connection, records);
                Set<String> stored = inserted == records.size()
                        ? null // all stored: the common case needs no second look
                        : DecisionTable.existing(connection, records.stream().map(DecisionRecord::decisionId).toList());
                List<DecisionRecord> storedRecords = stored == null ? records
                        : records.stream().filter(record -> stored.contains(record.decisionId())).toList();
                DecisionTable.insertReasons(connection, storedRecords);
                connection.commit();
                return records.stream()
                        .map(record -> stored == null || stored.contains(record.decisionId()) ? Appended.STORED : Appended.DUPLICATE_KEY)
                        .toList();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
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
