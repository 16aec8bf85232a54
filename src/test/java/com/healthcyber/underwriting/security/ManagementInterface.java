package com.healthcyber.underwriting.security;

/**
 * Health and metrics live on the management interface; under test it listens on Quarkus' test
 * port (9001 unless {@code -Dquarkus.management.test-port} names another, so that two checkouts
 * can run their suites on one machine at once).
 */
public final class ManagementInterface {
    public static final int PORT = Integer.getInteger("quarkus.management.test-port", 9001);

    private ManagementInterface() {}
}
