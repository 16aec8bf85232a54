package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.intake.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
            violations.add(new Violation(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
            return Optional.empty();
        }
    }

    /**
     * Instants from year 0 to 9999 only: the record's timestamp columns cannot hold what
     * {@link Instant} can (H2 failed past year 999,999,999, PostgreSQL past 294,276, both as a
     * server error), and no decision was made outside these years.
     */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    Optional<Instant> optionalInstant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> instant = instant(value);
        if (instant.isEmpty()) {
            violations.add(new Violation(
                    name, "must be an ISO-8601 instant from year 0000 to 9999, such as 2026-11-23T00:00:00Z"));
        }
        return instant;
    }

    /** An instant the record can be searched for, or empty. */
    static Optional<Instant> instant(String value) {
        try {
            Instant instant = Instant.parse(value);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A decision id as this service makes them (a UUID). Anything else cannot be on record, so it
     * is refused without asking the store (which refused a NUL with a server error) and never
     * echoed back.
     */
    String decisionId(String value) {
        if (!isDecisionId(value)) {
            violations.add(new Violation(
                    "decisionId", "must be a decision id (a UUID such as 0193a0b4-6c1e-7d2a-8b3f-1c2d3e4f5a6b)"));
        }
        return value;
    }

    static boolean isDecisionId(String value) {
        return value != null && DECISION_ID.matcher(value).matches();
    }

    private static final Pattern DECISION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    Optional<String> optionalText(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            violations.add(new Violation(name, "must be at most " + maxLength + " characters"));
            return Optional.empty();
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            // Nothing on record holds one, and PostgreSQL refuses a NUL outright (a 503 before).
            violations.add(new Violation(name, "must not contain control characters"));
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

    /** A violation the individual checks cannot see, such as two parameters that exclude each other. */
    void reject(String name, String message) {
        violations.add(new Violation(name, message));
    }

    /** A cursor of the referral list of {@code status}: one of the other list, or not this service's, is refused. */
    Optional<DecisionSearch.Position> referralCursor(String name, String value, ReferralStatus status) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<DecisionSearch.Position> position = ReferralPage.position(value, status);
        if (position.isEmpty()) {
            violations.add(new Violation(name, "is not a cursor this service gave for " + status + " referrals"));
        }
        return position;
    }

    void add(Violation violation) {
        violations.add(violation);
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
