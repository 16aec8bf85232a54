package com.healthcyber.underwriting.ruleset;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The service on a private copy of the rules, watching it for changes. */
public class WatchedRulesProfile implements QuarkusTestProfile {

    static final Path RULES = CopiedRules.fresh();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "underwriting.rules.dir",
                RULES.toString(),
                "underwriting.rules.watch",
                "true",
                "underwriting.rules.watch-debounce",
                "300ms");
    }
}
