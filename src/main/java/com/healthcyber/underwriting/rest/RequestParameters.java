package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.intake.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads query parameters and headers, collecting every violation so one 400 lists them all
 * (JAX-RS would answer 404 for an enum query parameter it cannot convert).
 */
final class RequestParameters {

    private final List<Violation> violations = new ArrayList<>();

    <E extends Enum<E>> Optional<E> optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return Optional.empty();
        }
    }

    Optional<Instant> optionalInstant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be an ISO-8601 instant such as 2026-11-23T00:00:00Z"));
            return Optional.empty();
        }
    }

    Optional<String> optionalText(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            violations.add(new Violation(name, "must be at most " + maxLength + " characters"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    int intInRange(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /**
     * An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is typical). Anything else
     * is refused rather than trimmed, so two different keys can never become the same one.
     */
    Optional<String> idempotencyKey(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            violations.add(new Violation("Idempotency-Key", "must be 1 to 255 visible ASCII characters"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A page cursor: opaque to callers, so anything this service did not hand out is refused. */
    Optional<DecisionSearch.Position> cursor(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<DecisionSearch.Position> position = DecisionPage.position(value);
        if (position.isEmpty()) {
            violations.add(new Violation(name, "is not a cursor this service gave"));
        }
        return position;
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
