package com.healthcyber.underwriting.rest;

import com.healthcyber.underwriting.application.ReferralStatus;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.intake.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects every violation of a request's parameters so one 400 lists them all: those of a
 * parameter record's Bean Validation constraints ({@link ParameterConstraints}), named as the
 * request names the parameter, and those no constraint on one parameter can see. Parameters
 * arrive as text (JAX-RS would answer 404 for an enum query parameter it cannot convert) and are
 * converted by the lenient functions here, which the constraints also use.
 *
 * <p>Kept hand-written: checks across parameters (resolvedFrom only with RESOLVED, replayOn not with
 * candidate, a referral cursor only for the status listed), maxDecisions (its maximum is configuration,
 * not an annotation constant), and the decision id and Idempotency-Key, checked before the body is read.
 */
final class RequestParameters {

    private final Validator validator;
    private final List<Violation> violations = new ArrayList<>();

    RequestParameters(Validator validator) {
        this.validator = validator;
    }

    /** Validates a parameter record; its violations come in the order of its components. */
    <R extends Record> RequestParameters check(R parameters) {
        List<String> order = Arrays.stream(parameters.getClass().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        validator.validate(parameters).stream()
                .sorted(Comparator.comparingInt(
                        (ConstraintViolation<R> violation) -> order.indexOf(property(violation.getPropertyPath()))))
                .forEach(violation -> violations.add(new Violation(
                        sentAs(parameters.getClass(), property(violation.getPropertyPath())), violation.getMessage())));
        return this;
    }

    private static String property(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    /** The name in the request: the field's {@code @QueryParam}, {@code @HeaderParam} or {@code @PathParam}. */
    private static String sentAs(Class<?> type, String property) {
        try {
            Field field = type.getDeclaredField(property);
            if (field.isAnnotationPresent(QueryParam.class)) {
                return field.getAnnotation(QueryParam.class).value();
            }
            if (field.isAnnotationPresent(HeaderParam.class)) {
                return field.getAnnotation(HeaderParam.class).value();
            }
            if (field.isAnnotationPresent(PathParam.class)) {
                return field.getAnnotation(PathParam.class).value();
            }
        } catch (NoSuchFieldException e) {
            // a class-level constraint: named by its property
        }
        return property;
    }

    /**
     * Instants from year 0 to 9999 only: the record's timestamp columns cannot hold what
     * {@link Instant} can (H2 failed past year 999,999,999, PostgreSQL past 294,276, both as a
     * server error), and no decision was made outside these years.
     */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** An instant the record can be searched for, or empty. */
    static Optional<Instant> instant(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(value);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The constant named {@code value}, or empty. */
    static <E extends Enum<E>> Optional<E> enumValue(String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value))
                .findFirst();
    }

    /** Text of at most {@code maxLength} characters and no control characters, or empty. */
    static Optional<String> text(String value, int maxLength) {
        if (value == null
                || value.isEmpty()
                || value.length() > maxLength
                || value.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A whole number from {@code min} to {@code max}, or empty. */
    static Optional<Integer> wholeNumber(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            return number >= min && number <= max ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A whole number parameter with a range known only at run time (configuration). */
    int intInRange(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        Optional<Integer> number = wholeNumber(value, min, max);
        if (number.isEmpty()) {
            violations.add(new Violation(name, "must be a whole number from " + min + " to " + max));
        }
        return number.orElse(fallback);
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

    /** A violation the individual checks cannot see, such as two parameters that exclude each other. */
    void reject(String name, String message) {
        violations.add(new Violation(name, message));
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
