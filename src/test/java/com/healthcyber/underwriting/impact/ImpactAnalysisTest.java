package com.healthcyber.underwriting.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.RulesUnderTest;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.DecisionStoreSelection;
import com.healthcyber.underwriting.audit.LocalPostgres;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.audit.StoreKind;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.audit.StoredDecision;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleEvaluationException;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import com.healthcyber.underwriting.intake.StrictJson;
import com.healthcyber.underwriting.ruleset.CopiedRules;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel replay against what a plain sequential replay of the same records reports, on
 * both stores; and the bounds that keep its memory from growing with the history.
 */
class ImpactAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough for several worker batches, H2 pages and PostgreSQL fetches, and a sample's worth of each kind. */
    private static final int HISTORY = 2_500;

    private static RuleSet candidate;

    @TempDir
    Path data;

    /** The v1 rules with the one-claim referral switched off: about half the history changes. */
    @BeforeAll
    static void compileCandidate() throws Exception {
        Path directory = Path.of("target", "test-candidates", "impact-analysis-test");
        CopiedRules.restoreVersion(directory, "v1");
        CopiedRules.edit(
                directory, "common/loss-history.drl", "$claims : List( size == 1 )", "$claims : List( size == 99 )");
        candidate = new RuleSetLoader(2).load(directory);
    }

    @AfterAll
    static void retireCandidate() {
        candidate.retire();
    }

    @Test
    void reportsWhatASequentialReplayOfTheEmbeddedStoreReports() throws Exception {
        DataSource store = embedded();
        assertSameAsSequential(store, StoreKind.EMBEDDED, seed(store, StoreKind.EMBEDDED));
    }

    @Test
    void reportsWhatASequentialReplayOfPostgresqlReports() throws Exception {
        LocalPostgres.withDatabase(url -> {
            DataSource store = postgresql(url);
            assertSameAsSequential(store, StoreKind.POSTGRESQL, seed(store, StoreKind.POSTGRESQL));
        });
    }

    /**
     * The first worker is held on the walk's first decision until another worker has read one
     * three batches later, so later batches are counted first: the sample is still the first
     * twenty in the walk's order.
     */
    @Test
    void keepsTheSampleInWalkOrderWhateverOrderTheWorkersFinishIn() throws Exception {
        DataSource store = embedded();
        List<Row> history = seed(store, StoreKind.EMBEDDED);
        int batch = 16;
        String first = history.get(0).body();
        String later = history.get(3 * batch).body();
        CountDownLatch laterRead = new CountDownLatch(1);
        List<String> readOrder = Collections.synchronizedList(new ArrayList<>());
        ApplicationReader reordering = new ApplicationReader(StrictJson.newMapper(), validator()) {
            @Override
            public Application read(String body) {
                if (body.equals(first)) {
                    await(laterRead);
                }
                try {
                    return super.read(body);
                } finally {
                    readOrder.add(body);
                    if (body.equals(later)) {
                        laterRead.countDown();
                    }
                }
            }
        };
        ReplaySelection all = everything(HISTORY);

        ImpactReport report = new ImpactAnalysis(
                        new DecisionRepository(store, StoreKind.EMBEDDED), reordering, 3, batch, 2)
                .run(all, candidate, "candidate");

        assertTrue(readOrder.indexOf(later) < readOrder.indexOf(first), "the workers finished out of walk order");
        Expected expected = sequential(history, row -> true, HISTORY);
        assertEquals(expected.changedSample(), report.sampleChangedDecisionIds());
        assertEquals(expected.notReplayableSample(), report.sampleNotReplayableDecisionIds());
        assertEquals(withoutDuration(sequentialReport(store, StoreKind.EMBEDDED, all)), withoutDuration(report));
    }

    /**
     * With every worker stuck on a read, the walk stops once the queue is full: the decisions
     * read from the store are exactly the queued batches, one per worker and the one being
     * handed over, not the history.
     */
    @Test
    void stopsWalkingWhileTheWorkersAreBehind() throws Exception {
        int workers = 2;
        int batch = 10;
        int queued = 3;
        SyntheticHistory history = new SyntheticHistory(50_000, -1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reading = new AtomicInteger();
        ApplicationReader stuck = new ApplicationReader(StrictJson.newMapper(), validator()) {
            @Override
            public Application read(String body) {
                reading.incrementAndGet();
                await(release);
                return super.read(body);
            }
        };
        ImpactAnalysis analysis = new ImpactAnalysis(history, stuck, workers, batch, queued);
        AtomicReference<ImpactReport> report = new AtomicReference<>();
        Thread caller =
                new Thread(() -> report.set(analysis.run(everything(50_000), RulesUnderTest.ruleSet(), "active")));
        caller.start();
        try {
            waitUntil(() -> reading.get() == workers && waitingForRoomInTheQueue(caller));
            assertEquals((queued + workers + 1) * batch, history.walked.get());
            assertEquals(analysis.recordsInFlight(), history.walked.get());
        } finally {
            release.countDown();
            caller.join(120_000);
        }

        assertFalse(caller.isAlive());
        assertEquals(50_000, report.get().replayed());
        assertEquals(50_000, history.walked.get());
    }

    @Test
    void endsItsWorkersAndReportsTheStoreWhenTheWalkFails() {
        SyntheticHistory failing = new SyntheticHistory(10_000, 1_234);
        ImpactAnalysis analysis = new ImpactAnalysis(failing, ApplicationReader.standalone(), 2, 50, 2);

        assertThrows(
                StoreUnavailableException.class,
                () -> analysis.run(everything(10_000), RulesUnderTest.ruleSet(), "active"));
        assertEquals(List.of(), replayThreads());
    }

    @Test
    void stopsTheWalkAndThrowsWhenAWorkerFails() {
        SyntheticHistory history = new SyntheticHistory(100_000, -1);
        IllegalStateException broken = new IllegalStateException("a reader bug");
        AtomicInteger reads = new AtomicInteger();
        ApplicationReader failing = new ApplicationReader(StrictJson.newMapper(), validator()) {
            @Override
            public Application read(String body) {
                if (reads.incrementAndGet() == 500) {
                    throw broken;
                }
                return super.read(body);
            }
        };
        ImpactAnalysis analysis = new ImpactAnalysis(history, failing, 2, 50, 2);

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> analysis.run(everything(100_000), RulesUnderTest.ruleSet(), "active"));
        assertSame(broken, thrown);
        assertTrue(history.walked.get() < 100_000, "the walk stopped early: " + history.walked.get());
        assertEquals(List.of(), replayThreads());
    }

    private void assertSameAsSequential(DataSource store, StoreKind kind, List<Row> history) throws Exception {
        DecisionRepository records = new DecisionRepository(store, kind);
        Instant from = history.get(100).decidedAt();
        List<ReplaySelection> selections = List.of(
                everything(HISTORY),
                everything(HISTORY - 1),
                new ReplaySelection(Optional.of(from), Optional.empty(), Optional.of(Product.CYBER_HEALTHCARE), 700));
        for (ReplaySelection selection : selections) {
            Predicate<Row> selected = row -> selection
                            .decidedFrom()
                            .map(start -> !row.decidedAt().isBefore(start))
                            .orElse(true)
                    && selection
                            .product()
                            .map(product -> row.product() == product)
                            .orElse(true);
            Expected expected = sequential(history, selected, selection.maxDecisions());
            ImpactReport oneWorker = new ImpactAnalysis(records, ApplicationReader.standalone(), 1, 10_000, 1)
                    .run(selection, candidate, "candidate");
            for (ImpactAnalysis parallel : List.of(
                    new ImpactAnalysis(records, ApplicationReader.standalone()),
                    new ImpactAnalysis(records, ApplicationReader.standalone(), 4, 7, 2))) {
                ImpactReport report = parallel.run(selection, candidate, "candidate");
                assertEquals(withoutDuration(oneWorker), withoutDuration(report), selection.toString());
                assertEquals(expected.replayed(), report.replayed());
                assertEquals(expected.changed(), report.changed());
                assertEquals(expected.notReplayable(), report.notReplayable());
                assertEquals(expected.limitReached(), report.limitReached());
                assertEquals(expected.transitions(), transitions(report));
                assertEquals(expected.removed(), codeCounts(report.reasonCodesRemoved()));
                assertEquals(expected.added(), codeCounts(report.reasonCodesAdded()));
                assertEquals(expected.changedSample(), report.sampleChangedDecisionIds());
                assertEquals(expected.notReplayableSample(), report.sampleNotReplayableDecisionIds());
            }
        }
    }

    private static ImpactReport sequentialReport(DataSource store, StoreKind kind, ReplaySelection selection) {
        return new ImpactAnalysis(new DecisionRepository(store, kind), ApplicationReader.standalone(), 1, 10_000, 1)
                .run(selection, candidate, "candidate");
    }

    /** What the analysis should find, worked out one record at a time in the walk's order. */
    private record Expected(
            int replayed,
            int changed,
            int notReplayable,
            boolean limitReached,
            Map<String, Integer> transitions,
            Map<String, Integer> added,
            Map<String, Integer> removed,
            List<String> changedSample,
            List<String> notReplayableSample) {}

    private static Expected sequential(List<Row> history, Predicate<Row> selected, int max) {
        ApplicationReader reader = ApplicationReader.standalone();
        List<Row> walk = history.stream().filter(selected).toList();
        int replayed = 0;
        int changed = 0;
        int notReplayable = 0;
        Map<String, Integer> transitions = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        List<String> changedSample = new ArrayList<>();
        List<String> notReplayableSample = new ArrayList<>();
        for (Row row : walk.subList(0, Math.min(max, walk.size()))) {
            Verdict now;
            try {
                now = Verdict.of(candidate.evaluate(reader.read(row.body())));
            } catch (InvalidApplicationException | RuleEvaluationException e) {
                notReplayable++;
                if (notReplayableSample.size() < 20) {
                    notReplayableSample.add(row.decisionId());
                }
                continue;
            }
            replayed++;
            transitions.merge(row.outcome() + "->" + now.outcome(), 1, Integer::sum);
            Set<String> before = new TreeSet<>(row.codes());
            Set<String> after = new TreeSet<>(now.codes());
            after.stream().filter(code -> !before.contains(code)).forEach(code -> added.merge(code, 1, Integer::sum));
            before.stream().filter(code -> !after.contains(code)).forEach(code -> removed.merge(code, 1, Integer::sum));
            if (row.outcome() != now.outcome() || !before.equals(after)) {
                changed++;
                if (changedSample.size() < 20) {
                    changedSample.add(row.decisionId());
                }
            }
        }
        return new Expected(
                replayed,
                changed,
                notReplayable,
                walk.size() > max,
                transitions,
                added,
                removed,
                changedSample,
                notReplayableSample);
    }

    private static Map<String, Integer> transitions(ImpactReport report) {
        Map<String, Integer> byPair = new TreeMap<>();
        report.outcomeTransitions().forEach(t -> byPair.put(t.from() + "->" + t.to(), t.count()));
        return byPair;
    }

    private static Map<String, Integer> codeCounts(List<ImpactReport.CodeCount> counts) {
        Map<String, Integer> byCode = new TreeMap<>();
        counts.forEach(count -> byCode.put(count.code(), count.count()));
        return byCode;
    }

    private static ImpactReport withoutDuration(ImpactReport report) {
        return new ImpactReport(
                report.rules(),
                report.rulesetVersion(),
                report.replayedOn(),
                report.decidedFrom(),
                report.decidedTo(),
                report.product(),
                report.guidelineVersion(),
                report.maxDecisions(),
                report.replayed(),
                report.changed(),
                report.notReplayable(),
                report.limitReached(),
                report.outcomeTransitions(),
                report.requiredAuthorityTransitions(),
                report.reasonCodesAdded(),
                report.reasonCodesRemoved(),
                report.sampleChangedDecisionIds(),
                report.sampleNotReplayableDecisionIds(),
                0);
    }

    /** One stored decision as seeded, in the walk's order once sorted. */
    private record Row(
            String decisionId, Instant decidedAt, Product product, Outcome outcome, List<String> codes, String body) {}

    /**
     * A history like the service's: practices and registries, claims, breaches, slow patching and
     * misconduct, decided by the v1 rules; some decided by rules since changed (another outcome
     * and a retired code); some whose request today's contract refuses (no controls) or that is
     * not JSON at all. Two decisions share each instant, so the walk's order leans on the id too.
     */
    private static List<Row> seed(DataSource store, StoreKind kind) throws Exception {
        Flyway.configure()
                .dataSource(store)
                .locations(kind.migrationLocations())
                .load()
                .migrate();
        ApplicationReader reader = ApplicationReader.standalone();
        RuleSet v1 = RulesUnderTest.ruleSet();
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < HISTORY; i++) {
            String applicationId = "APP-" + i;
            int n = i;
            Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change = application -> {
                application.put("applicationId", applicationId);
                if (n % 3 == 0) {
                    application.withObject("/history").remove("claims");
                }
                if (n % 4 == 0) {
                    application.withObject("/history").remove("breaches");
                }
                if (n % 7 == 0) {
                    application.withObject("/controls").put("criticalPatchDays", 45);
                }
                if (n % 13 == 0) {
                    application.withObject("/history").put("willfulMisconduct", true);
                }
                if (n % 37 == 36) {
                    application.remove("controls");
                }
            };
            String body = i % 5 == 4 ? registry(change) : Payloads.contractExampleWith(change::accept);
            if (i % 101 == 100) {
                body = "{\"applicationId\": \"" + applicationId + "\", \"product\": ";
            }
            Product product = i % 5 == 4 ? Product.MEDICAL_REGISTRY : Product.CYBER_HEALTHCARE;
            Outcome outcome = Outcome.ACCEPT;
            List<String> codes = List.of();
            try {
                Verdict verdict = Verdict.of(v1.evaluate(reader.read(body)));
                outcome = verdict.outcome();
                codes = verdict.codes();
            } catch (InvalidApplicationException e) {
                // decided under an older contract: stored as accepted without reasons
            }
            if (i % 17 == 0) {
                outcome = Outcome.DECLINE;
                codes = new ArrayList<>(codes);
                codes.add("RETIRED_CODE");
            }
            rows.add(new Row(
                    new UUID(random.nextLong(), random.nextLong()).toString(),
                    start.plusSeconds(i / 2),
                    product,
                    outcome,
                    List.copyOf(codes),
                    body));
        }
        insert(store, rows);
        rows.sort(Comparator.comparing(Row::decidedAt).thenComparing(Row::decisionId));
        return rows;
    }

    private static String registry(Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        try {
            var application =
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Payloads.registryExample());
            change.accept(application);
            return application.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(DataSource store, List<Row> rows) throws Exception {
        try (Connection connection = store.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO decision (decision_id,"
                        + " application_id, product, outcome, ruleset_version, drools_version, service_version,"
                        + " decided_at, engine_micros, requested_by, request_body, reasons, reason_codes, guideline_version)"
                        + " VALUES (?, ?, ?, ?, 'sha256:v1', '10.2.0', 'test', ?, 10, 'test', ?, ?, ?, 'v1')")) {
            connection.setAutoCommit(false);
            int i = 0;
            for (Row row : rows) {
                insert.setString(1, row.decisionId());
                insert.setString(2, "APP-" + i++);
                insert.setString(3, row.product().name());
                insert.setString(4, row.outcome().name());
                insert.setObject(5, OffsetDateTime.ofInstant(row.decidedAt(), ZoneOffset.UTC));
                insert.setString(6, row.body());
                insert.setString(
                        7,
                        JSON.writeValueAsString(row.codes().stream()
                                .map(code -> Map.of(
                                        "code", code, "outcome", "REFER", "rule", "a rule", "message", "a message"))
                                .toList()));
                insert.setArray(
                        8, connection.createArrayOf("VARCHAR", row.codes().toArray(String[]::new)));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** Stored decisions made up as the walk reads them, counted; the store fails after {@code failAfter} if that is not -1. */
    private static final class SyntheticHistory extends DecisionRepository {
        final AtomicInteger walked = new AtomicInteger();
        private final int size;
        private final int failAfter;

        SyntheticHistory(int size, int failAfter) {
            super(null, StoreKind.EMBEDDED);
            this.size = size;
            this.failAfter = failAfter;
        }

        @Override
        public int walk(ReplaySelection selection, Consumer<StoredDecision> visit) {
            String body = Payloads.contractExample();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            int count = Math.min(size, selection.maxDecisions());
            for (int i = 0; i < count; i++) {
                if (i == failAfter) {
                    throw new StoreUnavailableException("the decision store could not be read", null);
                }
                walked.incrementAndGet();
                visit.accept(new StoredDecision(
                        "decision-" + i,
                        start.plusSeconds(i),
                        Outcome.REFER,
                        null,
                        List.of("LOSS_HISTORY", "RECENT_BREACH"),
                        body));
            }
            return count;
        }
    }

    private static ReplaySelection everything(int max) {
        return new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), max);
    }

    private DataSource embedded() {
        JdbcDataSource store = new JdbcDataSource();
        // Open until the JVM ends, as the service's pool keeps it: without a pool every connection of the
        // walk opened the file anew, and H2 2.3 now and then read a half-closed store ("Double mark").
        store.setURL(DecisionStoreSelection.embeddedUrl(data) + ";DB_CLOSE_DELAY=-1");
        return store;
    }

    private static DataSource postgresql(String url) {
        org.postgresql.ds.PGSimpleDataSource store = new org.postgresql.ds.PGSimpleDataSource();
        store.setURL(url);
        store.setUser(LocalPostgres.USER);
        return store;
    }

    private static jakarta.validation.Validator validator() {
        return Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }

    private static List<String> replayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("impact-replay-"))
                .toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited a minute for another worker");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parked on the queue's "not full" condition, not merely on its lock for a moment. */
    private static boolean waitingForRoomInTheQueue(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return thread.getState() == Thread.State.WAITING
                && java.util.Arrays.stream(stack)
                        .anyMatch(frame -> frame.getMethodName().equals("await"))
                && java.util.Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.ArrayBlockingQueue")
                                && frame.getMethodName().equals("put"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the analysis never reached the expected state");
            Thread.sleep(10);
        }
    }
}
