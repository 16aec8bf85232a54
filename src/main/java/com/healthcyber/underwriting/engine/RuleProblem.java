package com.healthcyber.underwriting.engine;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a ruleset cannot go live, located for the underwriter who must fix it.
 *
 * @param file path relative to the rules directory, or null when the problem is not in one file
 * @param line 1-based line in that file, or 0 when unknown
 * @param rule the rule's name, or null when the problem is outside a rule
 */
public record RuleProblem(
        @Schema(nullable = true) String file,
        int line,
        @Schema(nullable = true) String rule,
        String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(file == null ? "(ruleset)" : file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (rule != null) {
            text.append(" rule \"").append(rule).append('"');
        }
        return text.append(": ").append(message).toString();
    }
}
