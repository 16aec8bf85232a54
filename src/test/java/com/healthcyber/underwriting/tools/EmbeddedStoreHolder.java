package com.healthcyber.underwriting.tools;

import com.healthcyber.underwriting.audit.DecisionStoreSelection;
import com.healthcyber.underwriting.audit.StoreKind;
import java.nio.file.Path;
import java.sql.Connection;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Stands in for a running service in another process: opens the embedded store under the given
 * data directory, migrated, says "open", and holds it until its standard input closes.
 */
public final class EmbeddedStoreHolder {

    private EmbeddedStoreHolder() {}

    public static void main(String[] args) throws Exception {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL(DecisionStoreSelection.embeddedUrl(Path.of(args[0])));
        Flyway.configure()
                .dataSource(store)
                .locations(StoreKind.EMBEDDED.migrationLocations())
                .load()
                .migrate();
        try (Connection held = store.getConnection()) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our input
            }
        }
    }
}
