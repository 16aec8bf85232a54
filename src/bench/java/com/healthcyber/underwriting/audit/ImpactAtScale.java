package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.config.DecisionStoreSelection;
import com.healthcyber.underwriting.decision.ImpactAnalysis;
import com.healthcyber.underwriting.decision.ImpactReport;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetCompiler;
import com.healthcyber.underwriting.engine.RuleSources;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
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
        Flyway.configure().dataSource(dataSource).load().migrate();

        ApplicationReader reader = ApplicationReader.standalone();
        RuleSet active = new RuleSetCompiler(1).compile(RuleSources.read(Path.of("rules")));
        long seeding = System.nanoTime();
        seed(dataSource, reader, active, count);
        System.out.printf("seeded %d decisions in %.1f s (%s)%n", count, (System.nanoTime() - seeding) / 1e9, store);

        RuleSet candidate = new RuleSetCompiler(1).compile(RuleSources.read(candidateDir));
        ImpactAnalysis analysis = new ImpactAnalysis(new DecisionRepository(dataSource), reader);
        analysis.run(new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), 2_000), candidate, "warm-up");
        System.gc();
        AtomicLong liveAfterGc = watchHeapAfterEachGc();
        long started = System.nanoTime();
        ImpactReport report = analysis.run(new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), count),
                candidate, candidateDir.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = liveAfterGc.get();
        System.out.printf("RESULT store=%s decisions=%d replayed=%d changed=%d seconds=%.1f per_second=%.0f peak_heap_after_gc_mib=%.1f max_heap_mib=%d%n",
                store.startsWith("jdbc:") ? "postgresql" : store, count, report.replayed(), report.changed(), seconds,
                report.replayed() / seconds, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
        System.out.println("transitions " + report.outcomeTransitions() + " removed " + report.reasonCodesRemoved());
    }

    /**
     * The most heap in use right after any collection during the run: what the analysis keeps
     * alive. (Pool peaks would mostly measure how full eden got between collections.)
     */
    private static AtomicLong watchHeapAfterEachGc() {
        AtomicLong max = new AtomicLong();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
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
    private static void seed(DataSource dataSource, ApplicationReader reader, RuleSet rules, int count) throws Exception {
        ObjectNode practice = (ObjectNode) JSON.readTree(ImpactAtScale.class.getResourceAsStream("/examples/cyber-healthcare-application.json"));
        ObjectNode registry = (ObjectNode) JSON.readTree(ImpactAtScale.class.getResourceAsStream("/examples/medical-registry-application.json"));
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
            batch.add(new DecisionRecord(UUID.randomUUID().toString(), parsed.applicationId(), parsed.product(), verdict.outcome(),
                    verdict.reasons(), rules.version(), "10.2.0", "bench", start.plusSeconds(i), 10, "bench", Optional.empty(), body));
            if (batch.size() == 500 || i == count - 1) {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    DecisionTable.insertDecisions(connection, batch);
                    DecisionTable.insertReasons(connection, batch);
                    connection.commit();
                }
                batch.clear();
            }
        }
    }
}
