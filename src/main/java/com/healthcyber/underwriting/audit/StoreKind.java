package com.healthcyber.underwriting.audit;

/**
 * Which database keeps the decision record. Its {@link #id()} names the store everywhere the
 * service shows or looks it up: the Quarkus datasource, the store's own migration folder
 * ({@code db/<id>}), health data and the {@code store} tag of the store's metrics.
 */
public enum StoreKind {
    POSTGRESQL(StoreKind.POSTGRESQL_DATASOURCE),
    EMBEDDED(StoreKind.EMBEDDED_DATASOURCE);

    /** The datasources' names (application.properties), as constants because {@code @DataSource} needs one. */
    public static final String POSTGRESQL_DATASOURCE = "postgresql";

    public static final String EMBEDDED_DATASOURCE = "embedded";

    private final String id;

    StoreKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** What {@code underwriting.store.url} chooses: PostgreSQL when it is set, the embedded store otherwise. */
    public static StoreKind forStoreUrl(String url) {
        return url != null && !url.isBlank() ? POSTGRESQL : EMBEDDED;
    }

    /**
     * Flyway locations of this store's schema: the portable scripts, then the store's own
     * (application.properties gives the service's datasources the same; tools and tests use this).
     */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/" + id};
    }
}
