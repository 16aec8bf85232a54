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
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Appends decisions to the record with group commit: requests hand their record to one writer
 * thread; the writer commits whatever has queued up in one transaction and then completes every
 * waiting request's answer. A request therefore never answers before its own record is
 * committed, a busy service pays one commit per batch rather than per decision, and no request
 * thread sits blocked while the database works.
 *
 * <p>A request that gets no confirmation must not be told its decision is not on record when it
 * may be. Each record therefore moves once, atomically, from queued to either sent (by the
 * writer, just before the statement that carries it) or withdrawn (by its request, on timeout
 * or failure): a withdrawn record is never sent, so its request is known not to be recorded
 * ({@link RecordNotStoredException}); a sent one that was not confirmed may commit later
 * ({@link RecordOutcomeUnknownException}).
 */
@Singleton
public class DecisionWriter {

    private static final int QUEUED = 0;
    private static final int SENT = 1;
    private static final int WITHDRAWN = 2;

    private record Pending(DecisionRecord record, CompletableFuture<DecisionRecord> onFile, AtomicInteger state) {

        Pending(DecisionRecord record) {
            this(record, new CompletableFuture<>(), new AtomicInteger(QUEUED));
        }

        /** The writer's side: true if the record may go to the database (again, when a batch is split). */
        boolean send() {
            return state.compareAndSet(QUEUED, SENT) || state.get() == SENT;
        }

        /** The request's side: true if the record had not been sent and now never will be. */
        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN) || state.get() == WITHDRAWN;
        }

        boolean keyed() {
            return record.idempotencyKey().isPresent();
        }
    }

    /** Set once the statement that carries a batch may have committed it: failures from then on leave the outcome unknown. */
    private static final class Progress {
        boolean sent;
        boolean committed;
    }

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
    private final StoreOutageLog outage;

    public DecisionWriter(
            DecisionDataSource store, UnderwritingConfig config, MeterRegistry registry, StoreOutageLog outage) {
        this.outage = outage;
        this.dataSource = store.get();
        this.postgresql = store.kind() == StoreKind.POSTGRESQL;
        this.writeTimeout = config.store().writeTimeout();
        this.maxBatch = config.store().maxBatch();
        this.queue = new LinkedBlockingQueue<>(config.store().queueCapacity());
        this.commitTime = Timer.builder("underwriting.store.commit")
                .description("Time to commit one batch of decision records")
                .tag("store", store.kind().id())
                .publishPercentileHistogram()
                .register(registry);
        this.batchSize = DistributionSummary.builder("underwriting.store.batch")
                .description("Decision records per commit")
                .tag("store", store.kind().id())
                .register(registry);
        this.failures = Counter.builder("underwriting.store.failures")
                .description("Decision records the store could not take (each answered 503)")
                .tag("store", store.kind().id())
                .register(registry);
        this.writer = new Thread(this::writeUntilStopped, "decision-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Completes with the record on file for this request once its transaction is committed: the
     * record itself, or — when the same caller already has a record under the same idempotency
     * key — that earlier record, and this one is not stored. Fails with
     * {@link RecordNotStoredException} if it is known not to be on record, or with
     * {@link RecordOutcomeUnknownException} if it was sent but not confirmed in time: either way
     * the caller must not answer with the decision. Never blocks: the request's thread is free
     * while it waits.
     */
    public CompletableFuture<DecisionRecord> append(DecisionRecord record) {
        Pending pending = new Pending(record);
        if (!running || !queue.offer(pending)) {
            failures.increment();
            return CompletableFuture.failedFuture(
                    new RecordNotStoredException("the decision store is not taking records"));
        }
        return pending.onFile()
                .orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> notCommitted(pending, failure));
    }

    private CompletableFuture<DecisionRecord> notCommitted(Pending pending, Throwable failure) {
        failures.increment();
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof StoreUnavailableException known) { // the writer knew what happened to it
            return CompletableFuture.failedFuture(known);
        }
        String what = cause instanceof TimeoutException ? "not committed within " + writeTimeout : "not confirmed";
        // Withdrawn before the writer sent it: it can never be stored. Sent: it may still commit.
        return CompletableFuture.failedFuture(
                pending.withdraw()
                        ? new RecordNotStoredException(
                                "the decision record was " + what + " and was withdrawn before it was sent", cause)
                        : new RecordOutcomeUnknownException(
                                "the decision record was sent but " + what, pending.keyed(), cause));
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
        List<Pending> sending = new ArrayList<>(batch.size());
        Progress progress = new Progress();
        try (Connection connection = dataSource.getConnection()) {
            // Only now, with a connection in hand, is a record sent; one its request withdrew stays out.
            for (Pending pending : batch) {
                if (pending.send()) {
                    sending.add(pending);
                }
            }
            if (sending.isEmpty()) {
                return;
            }
            progress.sent = true;
            List<DecisionRecord> onFile =
                    commit(connection, sending.stream().map(Pending::record).toList(), progress);
            outage.answered(); // before the answers: the recovery line comes before anything their callers log
            for (int i = 0; i < sending.size(); i++) {
                sending.get(i).onFile().complete(onFile.get(i));
            }
            commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSize.record(sending.size());
        } catch (SQLException e) {
            if (!progress.sent) {
                // No connection, nothing sent: these records are not on file, and the writer drops them.
                RecordNotStoredException notStored =
                        new RecordNotStoredException("the decision store could not be reached", e);
                batch.forEach(pending -> pending.onFile().completeExceptionally(notStored));
            } else if (progress.committed || isConnectionLost(e)) {
                // The database may have committed them before the answer was lost.
                sending.forEach(pending -> pending.onFile()
                        .completeExceptionally(new RecordOutcomeUnknownException(
                                "the decision store did not confirm the commit", pending.keyed(), e)));
            } else if (sending.size() > 1 && isAboutTheData(e)) {
                // One record the database refuses must not take its neighbours down with it.
                sending.forEach(pending -> write(List.of(pending)));
            } else {
                // The database answered with an error: the statement, and so its transaction, committed nothing.
                RecordNotStoredException notStored =
                        new RecordNotStoredException("the decision store refused the record", e);
                sending.forEach(pending -> pending.onFile().completeExceptionally(notStored));
            }
        }
    }

    /** Commits the records and returns, for each, the record now on file for its request. */
    private List<DecisionRecord> commit(Connection connection, List<DecisionRecord> records, Progress progress)
            throws SQLException {
        return postgresql
                ? commitInOneStatement(connection, records, progress)
                : commitInOneTransaction(connection, records);
    }

    /**
     * PostgreSQL: one statement for the whole batch, its own transaction — one round trip to the
     * database per batch instead of three, which is most of a commit's time on a busy host.
     */
    private static List<DecisionRecord> commitInOneStatement(
            Connection connection, List<DecisionRecord> records, Progress progress) throws SQLException {
        connection.setAutoCommit(true);
        Set<String> stored = DecisionTable.appendAllPostgresql(connection, records);
        progress.committed = true; // auto-committed: a failure reading the originals below does not undo it
        return stored.size() == records.size() ? records : onFile(connection, records, stored);
    }

    /** The embedded store: the portable statement, in a transaction that also reads any originals it gave way to. */
    private static List<DecisionRecord> commitInOneTransaction(Connection connection, List<DecisionRecord> records)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            int inserted = DecisionTable.insertDecisions(connection, records);
            if (inserted == records.size()) { // the common case: no retry raced its original
                DecisionTable.queueReferrals(connection, records);
                connection.commit();
                return records;
            }
            Set<String> stored = DecisionTable.existing(
                    connection, records.stream().map(DecisionRecord::decisionId).toList());
            DecisionTable.queueReferrals(
                    connection,
                    records.stream()
                            .filter(record -> stored.contains(record.decisionId()))
                            .toList());
            List<DecisionRecord> onFile = onFile(connection, records, stored);
            connection.commit();
            return onFile;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    /** Each record if it was stored, else the original its idempotency key already holds. */
    private static List<DecisionRecord> onFile(Connection connection, List<DecisionRecord> records, Set<String> stored)
            throws SQLException {
        List<DecisionRecord> onFile = new ArrayList<>(records.size());
        for (DecisionRecord record : records) {
            onFile.add(stored.contains(record.decisionId()) ? record : originalOf(connection, record));
        }
        return onFile;
    }

    /** An original stored by this very batch is found too: same transaction, or committed by the one statement. */
    private static DecisionRecord originalOf(Connection connection, DecisionRecord skipped) throws SQLException {
        String key = skipped.idempotencyKey()
                .orElseThrow(() -> new SQLException(
                        "decision " + skipped.decisionId() + " was not stored and has no idempotency key"));
        return DecisionTable.holderOfKey(connection, skipped.requestedBy(), key)
                .orElseThrow(() -> new SQLException("decision " + skipped.decisionId()
                        + " was not stored, yet no record holds its idempotency key"));
    }

    /**
     * No answer from the database (SQL state class 08, connection exception; 57, the server ended
     * the session; or none at all): whatever was sent may have committed. Any other state is the
     * database's answer that the statement failed.
     */
    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57");
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
