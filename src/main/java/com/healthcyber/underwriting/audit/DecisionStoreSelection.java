package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.config.OwnerOnlyFiles;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Chooses the decision store from one setting, so operators configure a URL and nothing else:
 * with {@code underwriting.store.url} the PostgreSQL datasource is active, without it the
 * embedded H2 file under {@code underwriting.data.dir}. Both datasources are built in; only the
 * active one connects and migrates. Explicit {@code quarkus.datasource.*} settings still win.
 */
public class DecisionStoreSelection implements ConfigSourceFactory {

    /** Below application.properties (250), so an explicit datasource setting overrides this choice. */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("underwriting.store.url");
        boolean postgresql = StoreKind.forStoreUrl(url == null ? null : url.getValue()) == StoreKind.POSTGRESQL;
        ConfigValue dataDir = context.getValue("underwriting.data.dir");
        Path directory = Path.of(isSet(dataDir) ? dataDir.getValue() : "data");
        if (!postgresql) {
            // Before H2 creates its file in it: a directory only the service's user can enter. (This
            // also runs when the application is built, which therefore creates the empty directory.)
            OwnerOnlyFiles.directory(directory);
        }
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource." + StoreKind.POSTGRESQL.id() + ".active", String.valueOf(postgresql),
                        "quarkus.datasource." + StoreKind.EMBEDDED.id() + ".active", String.valueOf(!postgresql),
                        "quarkus.datasource." + StoreKind.EMBEDDED.id() + ".jdbc.url", embeddedUrl(directory)),
                "underwriting-store-selection",
                ORDINAL));
    }

    /**
     * The embedded store's JDBC URL. WRITE_DELAY=0 writes each commit to the file before the
     * commit returns, so a killed process loses no answered decision. No AUTO_SERVER: it would
     * open an H2 TCP server on every interface, with an empty-password admin user and its key in
     * a lock file. The file is this process's alone (H2's file lock), so the impact command reads
     * the embedded store only while the service is stopped; while it runs, the service's own
     * {@code POST /rules/impact} analyses it.
     */
    public static String embeddedUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().normalize().resolve("decisions")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
