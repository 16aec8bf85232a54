package com.healthcyber.underwriting.security;

/** Health and metrics live on the management interface; under test it listens here. */
public final class ManagementInterface {
    public static final int PORT = 9001;

    private ManagementInterface() {}
}
