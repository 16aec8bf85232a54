package com.healthcyber.underwriting.audit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL server for store tests: started if it is installed but down, and a
 * fresh database per use, dropped afterwards, so tests never see each other's records or a
 * developer's. Host, port and user come from UNDERWRITING_TEST_PG_HOST / _PORT / _USER
 * (default 127.0.0.1:5432, postgres, trust authentication).
 */
public final class LocalPostgres {

    public static final String HOST = env("UNDERWRITING_TEST_PG_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("UNDERWRITING_TEST_PG_PORT", "5432"));
    public static final String USER = env("UNDERWRITING_TEST_PG_USER", "postgres");

    private LocalPostgres() {}

    /** Creates an empty database and returns its name. */
    public static synchronized String createDatabase() {
        ensureRunning();
        String name = "underwriting_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return name;
    }

    /** A database for {@code use} alone, dropped afterwards whatever happens. */
    public static void withDatabase(DatabaseUse use) throws Exception {
        String name = createDatabase();
        try {
            use.run(jdbcUrl(HOST, PORT, name));
        } finally {
            dropDatabase(name);
        }
    }

    @FunctionalInterface
    public interface DatabaseUse {
        void run(String jdbcUrl) throws Exception;
    }

    public static void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(HOST, PORT, "postgres"), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " refused: " + sql, e);
        }
    }

    /**
     * This kind of machine has PostgreSQL installed and normally running; if it is down, start
     * it the way the machine does. A machine without it fails here, loudly: store tests never skip.
     */
    private static void ensureRunning() {
        if (listening()) {
            return;
        }
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            String version = versions.map(path -> path.getFileName().toString())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under /etc/postgresql"));
            Process start = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
                    .inheritIO()
                    .start();
            start.waitFor(60, TimeUnit.SECONDS);
            for (int attempt = 0; attempt < 100 && !listening(); attempt++) {
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not listening on " + HOST + ":" + PORT + " and could not be started", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!listening()) {
            throw new IllegalStateException("PostgreSQL is not listening on " + HOST + ":" + PORT);
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
