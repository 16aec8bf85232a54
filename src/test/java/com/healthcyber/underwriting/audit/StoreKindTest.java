package com.healthcyber.underwriting.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A store kind names its datasource and migration folder as application.properties does, and
 * the URL setting chooses it as the service does: the names live in one enum, and this keeps
 * the enum and the configuration from drifting apart.
 */
class StoreKindTest {

    @Test
    void eachKindIsAConfiguredDatasourceMigratedFromItsOwnFolder() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = StoreKindTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        for (StoreKind kind : StoreKind.values()) {
            assertNotNull(
                    properties.getProperty("quarkus.datasource." + kind.id() + ".db-kind"), kind + " is no datasource");
            String configured = properties.getProperty("quarkus.flyway." + kind.id() + ".locations");
            assertEquals(
                    configured,
                    String.join(
                            ",",
                            Arrays.stream(kind.migrationLocations())
                                    .map(location -> location.substring("classpath:".length()))
                                    .toList()));
            for (String location : kind.migrationLocations()) {
                assertNotNull(
                        StoreKindTest.class.getResource("/" + location.substring("classpath:".length())), location);
            }
        }
        assertEquals(StoreKind.POSTGRESQL_DATASOURCE, StoreKind.POSTGRESQL.id());
        assertEquals(StoreKind.EMBEDDED_DATASOURCE, StoreKind.EMBEDDED.id());
    }

    @Test
    void theStoreUrlChoosesPostgresqlAndItsAbsenceTheEmbeddedStore() {
        assertEquals(StoreKind.POSTGRESQL, StoreKind.forStoreUrl("jdbc:postgresql://db/underwriting"));
        assertEquals(StoreKind.EMBEDDED, StoreKind.forStoreUrl(null));
        assertEquals(StoreKind.EMBEDDED, StoreKind.forStoreUrl("  "));
    }
}
