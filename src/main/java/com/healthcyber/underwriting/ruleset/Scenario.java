package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A worked example kept beside the rules: an application and what it must decide.
 *
 * @param file the scenario file, relative to the rules directory
 */
public record Scenario(String file, String name, JsonNode application, Expectation expect) {}
