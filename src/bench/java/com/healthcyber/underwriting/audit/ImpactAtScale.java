package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.impact.ImpactAnalysis;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Impact analysis over a large history (docs/benchmarks.md, issue 4): seeds N decisions decided
 * by the real rules into a fresh store, then replays them all on a candidate and reports the
 * time and the peak heap of the analysis. Run with a small -Xmx to show memory does not grow
 * with the history: src/bench/impact-bench.sh.
 *
 * <p>Arguments: store (embedded | postgresql JDBC URL), number of decisions, candidate rules directory.
 */
public final class ImpactAtScale {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        StandaloneLogging.quiet();
        String store = args[0];
        int count = Integer.parseInt(args[1]);
        Path candidateDir = Path.of(args[2]);
        DataSource dataSource = dataSource(store);
        StoreKind kind = store.startsWith("jdbc:postgresql:") ? StoreKind.POSTGRESQL : StoreKind.EMBEDDED;
        Flyway.configure()
                .dataSource(dataSource)
                .locations(kind.migrationLocations())
                .load()
                .migrate();

        ApplicationReader reader = ApplicationReader.standalone();
        RuleSet active = new RuleSetLoader(1).load(Path.of("rules/v1"));
        long seeding = System.nanoTime();
        seed(dataSource, reader, active, count);
        System.out.printf("seeded %d decisions in %.1f s (%s)%n", count, (System.nanoTime() - seeding) / 1e9, store);

        RuleSet candidate = new RuleSetLoader(1).load(candidateDir);
        ImpactAnalysis analysis = new ImpactAnalysis(new DecisionRepository(dataSource, kind), reader);
        analysis.run(
                new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), 2_000), candidate, "warm-up");
        System.gc();
        java.util.concurrent.atomic.AtomicBoolean analysing = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicLong liveAfterGc = sampleLiveHeap(analysing);
        long started = System.nanoTime();
        ImpactReport report = analysis.run(
                new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), count),
                candidate,
                candidateDir.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        analysing.set(false);
        long peak = liveAfterGc.get();
        System.out.printf(
                "RESULT store=%s decisions=%d replayed=%d changed=%d seconds=%.1f per_second=%.0f live_heap_max_mib=%.1f max_heap_mib=%d%n",
                store.startsWith("jdbc:") ? "postgresql" : store,
                count,
                report.replayed(),
                report.changed(),
                seconds,
                report.replayed() / seconds,
                peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);
        System.out.println("transitions " + report.outcomeTransitions() + " removed " + report.reasonCodesRemoved());
    }

    /**
     * What the analysis keeps alive: every two seconds a full collection, then the heap still in
     * use, the most of which is reported. (Heap in use after ordinary collections would count
     * garbage already promoted to the old generation; pool peaks would measure how full eden got.)
     */
    private static AtomicLong sampleLiveHeap(java.util.concurrent.atomic.AtomicBoolean running) {
        AtomicLong max = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (running.get()) {
                        try {
                            Thread.sleep(2_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        System.gc();
                        long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                                .filter(pool -> pool.getType() == MemoryType.HEAP)
                                .mapToLong(pool -> pool.getUsage().getUsed())
                                .sum();
                        max.accumulateAndGet(used, Math::max);
                    }
                },
                "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return max;
    }

    private static DataSource dataSource(String store) throws Exception {
        if (store.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgresql = new PGSimpleDataSource();
            postgresql.setURL(store);
            postgresql.setUser("postgres");
            return postgresql;
        }
        Path directory = Path.of("target/impact-bench-data");
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        JdbcDataSource embedded = new JdbcDataSource();
        embedded.setURL(DecisionStoreSelection.embeddedUrl(directory));
        return embedded;
    }

    /** A mix of practices and registries: clean ones, claims, breaches, slow patching, and declines. */
    private static void seed(DataSource dataSource, ApplicationReader reader, RuleSet rules, int count)
            throws Exception {
        ObjectNode practice = (ObjectNode)
                JSON.readTree(ImpactAtScale.class.getResourceAsStream("/examples/cyber-healthcare-application.json"));
        ObjectNode registry = (ObjectNode)
                JSON.readTree(ImpactAtScale.class.getResourceAsStream("/examples/medical-registry-application.json"));
        List<DecisionRecord> batch = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(count);
        for (int i = 0; i < count; i++) {
            ObjectNode application = (i % 5 == 4 ? registry : practice).deepCopy();
            application.put("applicationId", "APP-" + i);
            if (i % 3 == 0) {
                application.withObject("/history").remove("claims");
            }
            if (i % 4 == 0) {
                application.withObject("/history").remove("breaches");
            }
            if (i % 7 == 0) {
                application.withObject("/controls").put("criticalPatchDays", 45);
            }
            if (i % 50 == 0) {
                application.withObject("/history").put("willfulMisconduct", true);
            }
            String body = application.toString();
            Application parsed = reader.read(body.getBytes(StandardCharsets.UTF_8));
            Verdict verdict = Verdict.of(rules.evaluate(parsed));
            Decision decision = new Decision(
                    UUID.randomUUID().toString(),
                    parsed.applicationId(),
                    parsed.product(),
                    verdict.outcome(),
                    verdict.reasons(),
                    rules.version(),
                    start.plusSeconds(i));
            batch.add(new DecisionRecord(decision, "10.2.0", "bench", 10, "bench", Optional.empty(), body));
            if (batch.size() == 500 || i == count - 1) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    DecisionTable.insertDecisions(connection, batch);
                    connection.commit();
                }
                batch.clear();
            }
        }
    }
}
