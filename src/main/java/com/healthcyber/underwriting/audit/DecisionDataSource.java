package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.config.DecisionStoreSelection;
import com.healthcyber.underwriting.config.OwnerOnlyFiles;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one datasource the store code uses, whichever database is configured: the PostgreSQL
 * datasource when it is active, else the embedded one (see {@link DecisionStoreSelection}).
 */
@Singleton
public class DecisionDataSource {

    private final String kind;
    private final javax.sql.DataSource dataSource;

    public DecisionDataSource(
            @DataSource(DecisionStoreSelection.POSTGRESQL) InjectableInstance<AgroalDataSource> postgresql,
            @DataSource(DecisionStoreSelection.EMBEDDED) InjectableInstance<AgroalDataSource> embedded,
            UnderwritingConfig config) {
        if (postgresql.getHandle().getBean().isActive()) {
            this.kind = DecisionStoreSelection.POSTGRESQL;
            this.dataSource = postgresql.get();
        } else {
            this.kind = DecisionStoreSelection.EMBEDDED;
            this.dataSource = embedded.get();
            // H2 made its files (at the migration, before this) with the process umask: owner-only now.
            OwnerOnlyFiles.directory(config.data().dir());
        }
    }

    /** {@code postgresql} or {@code embedded}: for health data, logs, and the writer's choice of statements. */
    public String kind() {
        return kind;
    }

    public javax.sql.DataSource get() {
        return dataSource;
    }

    @Produces
    @Singleton
    DecisionRepository repository(StoreOutageLog outage) {
        return new DecisionRepository(dataSource, kind, outage::answered);
    }
}
