package com.healthcyber.underwriting.audit;

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

    private final StoreKind kind;
    private final javax.sql.DataSource dataSource;

    public DecisionDataSource(
            @DataSource(StoreKind.POSTGRESQL_DATASOURCE) InjectableInstance<AgroalDataSource> postgresql,
            @DataSource(StoreKind.EMBEDDED_DATASOURCE) InjectableInstance<AgroalDataSource> embedded,
            UnderwritingConfig config) {
        if (postgresql.getHandle().getBean().isActive()) {
            this.kind = StoreKind.POSTGRESQL;
            this.dataSource = postgresql.get();
        } else {
            this.kind = StoreKind.EMBEDDED;
            this.dataSource = embedded.get();
            // H2 made its files (at the migration, before this) with the process umask: owner-only now.
            OwnerOnlyFiles.directory(config.data().dir());
        }
    }

    /** For health data, metrics, and the writer's choice of statements. */
    public StoreKind kind() {
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

    @Produces
    @Singleton
    ReferralRepository referrals(StoreOutageLog outage) {
        return new ReferralRepository(dataSource, outage::answered);
    }
}
