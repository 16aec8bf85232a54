package com.healthcyber.underwriting.intake;

/**
 * One thing wrong with a request.
 *
 * @param field dotted path to the offending field ({@code controls.mfaEmail},
 *     {@code registries[0].records}); {@code $} for the body as a whole
 */
public record Violation(String field, String message) {
    public static final String BODY = "$";
}
