package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON layout of a scenario file. Each scenario gives either a whole {@code application},
 * or a {@code base} application (a path under {@code scenarios/}, defaulting to the file's)
 * with {@code changes} merged over it as a JSON merge patch (RFC 7396).
 */
record ScenarioFile(String base, List<Entry> scenarios) {

    record Entry(String name, String base, JsonNode application, JsonNode changes, Expectation expect) {}
}
