package com.healthcyber.underwriting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.decision.Verdict;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.impact.ImpactAnalysis;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.tools.StandaloneLogging;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Impact analysis over a large history (docs/benchmarks.md, "Impact analysis"): seeds N decisions
 * decided by the real v1 rules into a store, then replays them all on a candidate through the
 * same {@link ImpactAnalysis} the API and the command use, and prints its decisions/s beside
 * what the same JVM does in-process on the same kind of bodies (the strict read alone, the
 * engine alone), and the live heap before, during and after. Run with a small -Xmx to show
 * that memory does not grow with the history: src/bench/impact-bench.sh.
 *
 * <p>Arguments: store (embedded | a PostgreSQL JDBC URL), number of decisions, candidate rules
 * directory, and {@code fresh} (seed an empty store) or {@code reuse} (the store already holds
 * exactly this seed). With {@code -Dimpact.jfr=FILE} the analysis runs under a JFR recording.
 */
public final class ImpactAtScale {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The history's first decision; one every 30 seconds after it. */
    private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
    /** Every 1000th stored request was taken under an older contract (no controls): today's reader refuses it. */
    private static final int OLD_CONTRACT_EVERY = 1000;

    private static final String[] STATES = {"OH", "IL", "CA", "TX", "NY", "PA", "FL", "WA", "MA", "GA"};
    private static final long[] LIMITS = {500_000, 1_000_000, 2_000_000, 3_000_000};
    private static final long[] RETENTIONS = {5_000, 10_000, 25_000};

    public static void main(String[] args) throws Exception {
        StandaloneLogging.quiet();
        String store = args[0];
        int count = Integer.parseInt(args[1]);
        Path candidateDir = Path.of(args[2]);
        boolean reuse = args.length > 3 && args[3].equals("reuse");
        boolean postgresql = store.startsWith("jdbc:postgresql:");
        DataSource dataSource = dataSource(store, reuse);
        StoreKind kind = postgresql ? StoreKind.POSTGRESQL : StoreKind.EMBEDDED;
        Flyway.configure()
                .dataSource(dataSource)
                .locations(kind.migrationLocations())
                .load()
                .migrate();

        ApplicationReader reader = ApplicationReader.standalone();
        RuleSet active = new RuleSetLoader(2).load(Path.of("rules/v1"));
        Bodies bodies = new Bodies();
        if (reuse) {
            long held = held(dataSource);
            if (held != count) {
                throw new IllegalStateException("the store holds " + held + " decisions, not " + count
                        + ": run without SEED=reuse to seed it afresh");
            }
            System.out.printf("reusing the %d decisions already seeded (%s)%n", count, store);
        } else {
            long seeding = System.nanoTime();
            seed(dataSource, postgresql, bodies, reader, active, count);
            System.out.printf(
                    "seeded %d decisions in %.1f s (%s)%n", count, (System.nanoTime() - seeding) / 1e9, store);
        }

        RuleSet candidate = new RuleSetLoader(2).load(candidateDir);
        // One connection for every walk, so that its server process, and the CPU it used, outlive a walk.
        Backend backend = postgresql ? Backend.of(store) : null;
        DataSource analysed = backend == null ? dataSource : backend.dataSource();
        ImpactAnalysis analysis = new ImpactAnalysis(new DecisionRepository(analysed, kind), reader);
        analysis.run(
                new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), 50_000),
                candidate,
                "warm-up");
        // 10,000 bodies, texts and parsed, held at once: about 40 MiB, within the smallest heap the bench is run with.
        InProcess inProcess = inProcess(bodies, reader, candidate, Math.min(count, 10_000));
        long liveBefore = liveHeapAfterGc();

        AtomicBoolean analysing = new AtomicBoolean(true);
        AtomicLong liveDuring = sampleLiveHeap(analysing);
        Recording recording = startRecording();
        String loadBefore = loadAverage();
        long jvmCpuBefore = jvmCpuNanos();
        long backendCpuBefore = backend == null ? 0 : backend.cpuNanos();
        long started = System.nanoTime();
        ImpactReport report = analysis.run(
                new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), count),
                candidate,
                candidateDir.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        double jvmCpuMicros = (jvmCpuNanos() - jvmCpuBefore) / 1e3 / count;
        double backendCpuMicros = backend == null ? 0 : (backend.cpuNanos() - backendCpuBefore) / 1e3 / count;
        String loadAfter = loadAverage();
        analysing.set(false);
        stopRecording(recording);
        long liveAfter = liveHeapAfterGc();
        // The walk alone, nothing read or evaluated: what the store and the row decoding cost.
        long walking = System.nanoTime();
        long walkJvmCpu = jvmCpuNanos();
        long walkBackendCpu = backend == null ? 0 : backend.cpuNanos();
        AtomicLong walked = new AtomicLong();
        new DecisionRepository(analysed, kind)
                .walk(
                        new ReplaySelection(Optional.empty(), Optional.empty(), Optional.empty(), count),
                        stored -> walked.incrementAndGet());
        double walkPerSecond = walked.get() / ((System.nanoTime() - walking) / 1e9);
        double walkJvmMicros = (jvmCpuNanos() - walkJvmCpu) / 1e3 / walked.get();
        double walkBackendMicros = backend == null ? 0 : (backend.cpuNanos() - walkBackendCpu) / 1e3 / walked.get();
        double perSecond = (report.replayed() + report.notReplayable()) / seconds;
        System.out.printf(
                "RESULT store=%s decisions=%d replayed=%d changed=%d not_replayable=%d seconds=%.1f per_second=%.0f"
                        + " cores=%d max_heap_mib=%d live_heap_before_mib=%.1f live_heap_during_max_mib=%.1f"
                        + " live_heap_after_mib=%.1f%n",
                postgresql ? "postgresql" : store,
                count,
                report.replayed(),
                report.changed(),
                report.notReplayable(),
                seconds,
                perSecond,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                liveBefore / 1048576.0,
                liveDuring.get() / 1048576.0,
                liveAfter / 1048576.0);
        System.out.printf(
                "IN-PROCESS (same JVM, %d bodies like the seeded ones) strict_read_per_second_1_thread=%.0f"
                        + " engine_per_second_1_thread=%.0f engine_per_second_%d_threads=%.0f"
                        + " read_and_engine_per_second_%d_threads=%.0f; CPU per decision on one thread:"
                        + " strict_read_micros=%.1f engine_micros=%.1f%n",
                inProcess.bodies,
                inProcess.readPerSecond,
                inProcess.enginePerSecond,
                inProcess.threads,
                inProcess.enginePerSecondAllThreads,
                inProcess.threads,
                inProcess.readAndEnginePerSecondAllThreads,
                inProcess.readCpuMicros,
                inProcess.engineCpuMicros);
        System.out.printf(
                "CPU per decision during the analysis: jvm_micros=%.1f database_backend_micros=%.1f"
                        + " (load average before %s, after %s)%n",
                jvmCpuMicros, backendCpuMicros, loadBefore, loadAfter);
        System.out.printf(
                "WALK ALONE (same store, nothing replayed) walked=%d per_second=%.0f jvm_cpu_micros=%.1f"
                        + " database_backend_cpu_micros=%.1f%n",
                walked.get(), walkPerSecond, walkJvmMicros, walkBackendMicros);
        System.out.println("transitions " + report.outcomeTransitions());
        System.out.println("added " + report.reasonCodesAdded() + " removed " + report.reasonCodesRemoved());
        System.out.println("first changed "
                + report.sampleChangedDecisionIds().stream().limit(3).toList()
                + " first not replayable "
                + report.sampleNotReplayableDecisionIds().stream().limit(3).toList());
        candidate.retire();
        active.retire();
    }

    private record InProcess(
            int bodies,
            int threads,
            double readPerSecond,
            double enginePerSecond,
            double enginePerSecondAllThreads,
            double readAndEnginePerSecondAllThreads,
            double readCpuMicros,
            double engineCpuMicros) {}

    /**
     * What the same JVM does without the store, on bodies built as the seeded ones: the strict
     * read (parse and validation) alone on one thread, the engine alone on one thread and on
     * every core, and both together on every core. Each measured three times, the last counted.
     */
    private static InProcess inProcess(Bodies bodies, ApplicationReader reader, RuleSet rules, int n) {
        List<String> texts = IntStream.range(0, n)
                .filter(i -> i % OLD_CONTRACT_EVERY != OLD_CONTRACT_EVERY - 1)
                .mapToObj(bodies::body)
                .toList();
        List<Application> parsed = texts.stream().map(reader::read).toList();
        int threads = Runtime.getRuntime().availableProcessors();
        double read = 0;
        double engine = 0;
        double engineAll = 0;
        double both = 0;
        double readCpu = 0;
        double engineCpu = 0;
        for (int round = 0; round < 3; round++) {
            readCpu = cpuMicros(texts.size(), () -> texts.forEach(reader::read));
            engineCpu = cpuMicros(parsed.size(), () -> parsed.forEach(rules::evaluate));
            read = rate(texts.size(), () -> texts.forEach(reader::read));
            engine = rate(parsed.size(), () -> parsed.forEach(rules::evaluate));
            engineAll = rate(parsed.size(), () -> parsed.parallelStream().forEach(rules::evaluate));
            both = rate(
                    texts.size(),
                    () -> texts.parallelStream().forEach(text -> Verdict.of(rules.evaluate(reader.read(text)))));
        }
        return new InProcess(texts.size(), threads, read, engine, engineAll, both, readCpu, engineCpu);
    }

    /** This thread's CPU time per item: unlike a rate, not lowered by other processes taking the cores. */
    private static double cpuMicros(int items, Runnable work) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        work.run();
        return (threads.getCurrentThreadCpuTime() - started) / 1e3 / items;
    }

    private static double rate(int items, Runnable work) {
        long started = System.nanoTime();
        work.run();
        return items / ((System.nanoTime() - started) / 1e9);
    }

    private static Recording startRecording() throws Exception {
        String file = System.getProperty("impact.jfr");
        if (file == null || file.isBlank()) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of(file));
        recording.start();
        return recording;
    }

    private static void stopRecording(Recording recording) throws IOException {
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("JFR recording of the analysis: " + System.getProperty("impact.jfr"));
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The machine's 1-, 5- and 15-minute load averages: how much else wanted the two cores. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /**
     * One PostgreSQL connection shared by every walk (its close is ignored), and the CPU its
     * server process has used, from /proc (the server runs on this machine).
     */
    private record Backend(DataSource dataSource, long pid) {
        static Backend of(String url) throws Exception {
            PGSimpleDataSource plain = new PGSimpleDataSource();
            plain.setURL(url);
            plain.setUser("postgres");
            Connection physical = plain.getConnection();
            long pid;
            try (Statement statement = physical.createStatement();
                    ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                pid = result.getLong(1);
            }
            Connection shared = (Connection) java.lang.reflect.Proxy.newProxyInstance(
                    ImpactAtScale.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            PGSimpleDataSource one = new PGSimpleDataSource() {
                @Override
                public Connection getConnection() {
                    return shared;
                }
            };
            return new Backend(one, pid);
        }

        /** utime + stime of the server process, in nanoseconds (clock ticks of 10 ms). */
        long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        }
    }

    /**
     * A full collection, then the heap in use as that collection left it: each pool's usage
     * recorded at the collection's end, so what the workers allocate between the collection and
     * this read (a lot, while a loaded machine keeps this thread waiting) is not counted as live.
     */
    private static long liveHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(pool -> pool.getCollectionUsage())
                .filter(java.util.Objects::nonNull)
                .mapToLong(java.lang.management.MemoryUsage::getUsed)
                .sum();
    }

    /**
     * What the analysis keeps alive: every five seconds a full collection, then the heap it left
     * in use, the most of which is reported. (Heap in use after ordinary collections would count
     * garbage already promoted to the old generation; pool peaks would measure how full eden got.)
     */
    private static AtomicLong sampleLiveHeap(AtomicBoolean running) {
        AtomicLong max = new AtomicLong();
        Thread sampler = new Thread(
                () -> {
                    while (running.get()) {
                        try {
                            Thread.sleep(5_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (running.get()) {
                            max.accumulateAndGet(liveHeapAfterGc(), Math::max);
                        }
                    }
                },
                "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return max;
    }

    private static long held(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM decision")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static DataSource dataSource(String store, boolean reuse) throws Exception {
        if (store.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgresql = new PGSimpleDataSource();
            postgresql.setURL(store);
            postgresql.setUser("postgres");
            return postgresql;
        }
        Path directory = Path.of("target/impact-bench-data");
        if (Files.exists(directory) && !reuse) {
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

    /**
     * Request bodies as the service receives them: practices (four in five) and registries, with
     * revenue, size, state, limits, claims, breaches, patching and conduct varied per decision,
     * the same body for the same index on every run.
     */
    private static final class Bodies {
        private final ObjectNode practice;
        private final ObjectNode registry;

        Bodies() throws IOException {
            practice = (ObjectNode) JSON.readTree(
                    ImpactAtScale.class.getResourceAsStream("/examples/cyber-healthcare-application.json"));
            registry = (ObjectNode) JSON.readTree(
                    ImpactAtScale.class.getResourceAsStream("/examples/medical-registry-application.json"));
        }

        String body(int i) {
            Random random = new Random(i);
            boolean isRegistry = i % 5 == 4;
            ObjectNode application = (isRegistry ? registry : practice).deepCopy();
            application.put("applicationId", "APP-" + i);
            ObjectNode applicant = application.withObject("/applicant");
            applicant.put("state", STATES[random.nextInt(STATES.length)]);
            applicant.put(
                    "annualRevenue",
                    isRegistry ? 5_000_000 + random.nextInt(30_000_000) : 500_000 + random.nextInt(9_000_000));
            applicant.put("employees", isRegistry ? 40 + random.nextInt(200) : 3 + random.nextInt(60));
            if (!isRegistry) {
                application.withObject("/data").put("patientRecords", 2_000 + random.nextInt(90_000));
            }
            ObjectNode coverage = application.withObject("/coverage");
            coverage.put("limit", LIMITS[random.nextInt(LIMITS.length)]);
            coverage.put("retention", RETENTIONS[random.nextInt(RETENTIONS.length)]);
            ObjectNode history = application.withObject("/history");
            if (i % 3 == 0) {
                history.remove("claims");
            } else if (i % 11 == 0) {
                history.withArray("/claims")
                        .addObject()
                        .put("date", "2022-03-01")
                        .put("type", "PHISHING")
                        .put("paid", 8_000 + random.nextInt(50_000));
            }
            if (i % 4 == 0) {
                history.remove("breaches");
            }
            if (i % 7 == 0) {
                application.withObject("/controls").put("criticalPatchDays", 45);
            }
            if (i % 50 == 0) {
                history.put("willfulMisconduct", true);
            }
            if (i % OLD_CONTRACT_EVERY == OLD_CONTRACT_EVERY - 1) {
                application.remove("controls");
            }
            return application.toString();
        }
    }

    /** One seeded decision: the body, and what the rules decided for it (for an old-contract body, what was stored then). */
    private static DecisionRecord decide(int i, Bodies bodies, ApplicationReader reader, RuleSet rules) {
        Random random = new Random(-1 - i);
        String decisionId = new UUID(random.nextLong(), random.nextLong()).toString();
        String body = bodies.body(i);
        Instant decidedAt = FIRST.plusSeconds(30L * i);
        Decision decision;
        if (i % OLD_CONTRACT_EVERY == OLD_CONTRACT_EVERY - 1) {
            Product product = i % 5 == 4 ? Product.MEDICAL_REGISTRY : Product.CYBER_HEALTHCARE;
            decision = new Decision(
                    decisionId, "APP-" + i, product, Outcome.ACCEPT, List.of(), "v1", null, "sha256:old", decidedAt);
        } else {
            Application parsed = reader.read(body);
            Verdict verdict = Verdict.of(rules.evaluate(parsed));
            decision = new Decision(
                    decisionId,
                    parsed.applicationId(),
                    parsed.product(),
                    verdict.outcome(),
                    verdict.reasons(),
                    "v1",
                    verdict.requiredAuthority().orElse(null),
                    rules.version(),
                    decidedAt);
        }
        return new DecisionRecord(decision, "10.2.0", "bench", 10, "bench", Optional.empty(), body);
    }

    /** Decided on every core, 10,000 at a time; written with COPY on PostgreSQL, the store's own insert on H2. */
    private static void seed(
            DataSource dataSource,
            boolean postgresql,
            Bodies bodies,
            ApplicationReader reader,
            RuleSet rules,
            int count)
            throws Exception {
        int chunk = 10_000;
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < count; from += chunk) {
                List<DecisionRecord> records = IntStream.range(from, Math.min(count, from + chunk))
                        .parallel()
                        .mapToObj(i -> decide(i, bodies, reader, rules))
                        .toList();
                if (postgresql) {
                    copy(connection, records);
                } else {
                    connection.setAutoCommit(false);
                    DecisionTable.insertDecisions(connection, new ArrayList<>(records));
                    connection.commit();
                }
            }
        }
        if (postgresql) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE decision");
            }
        }
    }

    private static final String COPY = "COPY decision (decision_id, application_id, product, outcome, ruleset_version,"
            + " drools_version, service_version, decided_at, engine_micros, requested_by, idempotency_key,"
            + " request_body, reasons, reason_codes, guideline_version, required_authority) FROM STDIN";

    /** One COPY per chunk, in PostgreSQL's text format. */
    private static void copy(Connection connection, List<DecisionRecord> records) throws Exception {
        StringBuilder rows = new StringBuilder(records.size() * 2_000);
        for (DecisionRecord record : records) {
            Decision decision = record.decision();
            List<String> fields = List.of(
                    record.decisionId(),
                    decision.applicationId(),
                    decision.product().name(),
                    decision.outcome().name(),
                    decision.rulesetVersion(),
                    record.droolsVersion(),
                    record.serviceVersion(),
                    decision.decidedAt().toString(),
                    Long.toString(record.engineMicros()),
                    record.requestedBy());
            for (String field : fields) {
                escaped(rows, field).append('\t');
            }
            rows.append("\\N\t");
            escaped(rows, record.requestBody()).append('\t');
            escaped(rows, JSON.writeValueAsString(decision.reasons())).append('\t');
            escaped(
                            rows,
                            decision.reasons().stream()
                                    .map(Reason::code)
                                    .map(code -> '"' + code + '"')
                                    .collect(Collectors.joining(",", "{", "}")))
                    .append('\t');
            escaped(rows, decision.guidelineVersion()).append('\t');
            if (decision.requiredAuthority() == null) {
                rows.append("\\N\n");
            } else {
                rows.append(decision.requiredAuthority().name()).append('\n');
            }
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
    }

    private static StringBuilder escaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }
}
