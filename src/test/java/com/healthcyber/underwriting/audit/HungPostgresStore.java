package com.healthcyber.underwriting.audit;

import java.util.Map;

/**
 * {@link PostgresStore} with a short write timeout and outage-log interval, so that a test of a
 * hung database and of its log takes seconds, not the production defaults' minutes.
 */
public class HungPostgresStore extends PostgresStore {

    static final String WRITE_TIMEOUT_MILLIS = "1000";

    @Override
    protected Map<String, String> settings() {
        return Map.of(
                "underwriting.store.write-timeout",
                WRITE_TIMEOUT_MILLIS + "ms",
                "underwriting.store.outage-log-interval",
                "1s");
    }
}
