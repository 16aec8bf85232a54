package com.healthcyber.underwriting.audit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the service on a real PostgreSQL database of its own, reached through a {@link TcpProxy}
 * the test can cut. Use with {@code @TestProfile(PostgresStore.class)}.
 */
public class PostgresStore implements QuarkusTestProfile {

    /** The proxy of the running test's database connection. */
    public static volatile TcpProxy proxy;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Database.class, settings()));
    }

    /** Settings of the service under this profile beyond the database's address; subclasses add their own. */
    protected Map<String, String> settings() {
        // Fail fast when the test cuts the database: a request should not wait 5 s for its 503.
        return Map.of("underwriting.store.write-timeout", "3s");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    public static class Database implements QuarkusTestResourceLifecycleManager {
        private String database;
        private Map<String, String> settings = Map.of();

        @Override
        public void init(Map<String, String> initArgs) {
            settings = Map.copyOf(initArgs);
        }

        @Override
        public Map<String, String> start() {
            database = LocalPostgres.createDatabase();
            try {
                proxy = new TcpProxy(LocalPostgres.HOST, LocalPostgres.PORT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> config = new HashMap<>(settings);
            config.put("underwriting.store.url", LocalPostgres.jdbcUrl("127.0.0.1", proxy.port(), database));
            config.put("underwriting.store.username", LocalPostgres.USER);
            return config;
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the JVM is finishing this profile
            }
            LocalPostgres.dropDatabase(database);
        }
    }
}
