package com.healthcyber.underwriting.console;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The console signing people in through an identity provider ({@link TestIdentityProvider}), not its form. */
public class ConsoleOidcProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestIdentityProvider.class));
    }
}
