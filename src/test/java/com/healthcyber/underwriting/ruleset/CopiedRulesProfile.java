package com.healthcyber.underwriting.ruleset;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The service on a private copy of the rules, reloaded only on request, keeping a short reload history. */
public class CopiedRulesProfile implements QuarkusTestProfile {

    static final Path RULES = CopiedRules.fresh();
    /** Smaller than the default, so that a test fills it in a few reloads. */
    static final int RELOAD_HISTORY = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "underwriting.rules.dir",
                RULES.toString(),
                "underwriting.rules.watch",
                "false",
                "underwriting.rules.reload-history",
                String.valueOf(RELOAD_HISTORY));
    }
}
