package com.healthcyber.underwriting.health;

import com.healthcyber.underwriting.audit.DecisionDataSource;
import com.healthcyber.underwriting.audit.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the decision store answers: without it every decision would be refused
 * (fail closed), so traffic should go to replicas that can record.
 */
@Readiness
@ApplicationScoped
public class DecisionStoreReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    private final DecisionRepository records;
    private final String kind;

    public DecisionStoreReadiness(DecisionRepository records, DecisionDataSource store) {
        this.records = records;
        this.kind = store.kind().id();
    }

    @Override
    public HealthCheckResponse call() {
        if (records.reachable(TIMEOUT_SECONDS)) {
            return HealthCheckResponse.named("decision-store")
                    .up()
                    .withData("store", kind)
                    .build();
        }
        return HealthCheckResponse.named("decision-store")
                .down()
                .withData("store", kind)
                .withData(
                        "reason",
                        "the decision store did not answer within " + TIMEOUT_SECONDS
                                + " s; decisions are refused with 503")
                .build();
    }
}
