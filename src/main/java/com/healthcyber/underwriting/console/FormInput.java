package com.healthcyber.underwriting.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a console form or query sent, read leniently and reported on the page: every field that
 * cannot be used is named in {@link #problems()}, and the page shows them beside what it could do.
 */
final class FormInput {

    /** A form's filled-in fields as a link's query, in their order, the blank ones left out. */
    static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    Optional<String> text(String label, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            problems.add(label + ": at most " + maxLength + " characters");
            return Optional.empty();
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add(label + ": must not hold control characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    <E extends Enum<E>> Optional<E> choice(String label, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip()));
        } catch (IllegalArgumentException e) {
            problems.add(label + ": must be one of " + Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        }
    }

    /** One of {@code known} (a select's options), as sent; anything else is named with the choices. */
    Optional<String> oneOf(String label, String value, List<String> known) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        if (known.contains(text)) {
            return Optional.of(text);
        }
        problems.add(label + ": must be one of " + known);
        return Optional.empty();
    }

    /** A calendar day (yyyy-mm-dd), as the browser's date field sends it. */
    Optional<LocalDate> day(String label, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            problems.add(label + ": must be a date, yyyy-mm-dd");
            return Optional.empty();
        }
    }

    static Optional<java.time.Instant> startOf(Optional<LocalDate> day) {
        return day.map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    int whole(String label, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(label + ": must be a whole number from " + min + " to " + max);
        return fallback;
    }
}
