package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a request body into a {@code T} or rejects it with every violation at once: unreadable
 * values and unknown fields (from Jackson) together with missing and out-of-range answers (from
 * Bean Validation). Every body the service accepts is read this way, so that all of them are
 * refused alike.
 */
final class StrictReader<T> {

    /** Problems named in one response, at most; the rest are counted in a last violation. */
    static final int MAX_REPORTED_VIOLATIONS = 100;

    private final ObjectReader reader;
    private final Validator validator;
    private final String subject;
    private final Function<List<Violation>, ? extends InvalidInputException> refusal;

    /**
     * @param subject what the body holds, in the problems' words: {@code "the application"}
     * @param refusal the exception that refuses this kind of body with its violations
     */
    StrictReader(
            ObjectMapper mapper,
            Validator validator,
            Class<T> type,
            String subject,
            Function<List<Violation>, ? extends InvalidInputException> refusal) {
        // A copy: the problem-collecting module must not change how anything else is read.
        ObjectMapper collecting = StrictJson.configure(mapper.copy())
                .registerModule(new SimpleModule("strict-dates")
                        .addDeserializer(LocalDate.class, new StrictLocalDateDeserializer()))
                .registerModule(new ProblemCollectingModule());
        this.reader = collecting.readerFor(type).withAttribute(ProblemCollectingModule.SUBJECT, subject);
        this.validator = validator;
        this.subject = subject;
        this.refusal = refusal;
    }

    /** The body as text, if it is UTF-8 JSON text and nothing else. */
    String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw rejected(new Violation(Violation.BODY, empty()));
        }
        return StrictUtf8.decode(body);
    }

    /**
     * Reads the text of a body. Costs time in proportion to the body's length, however many
     * problems it holds: lists stop at their bounds, only the first
     * {@link #MAX_REPORTED_VIOLATIONS} problems are named, and a validation problem is matched
     * with the unreadable values by a lookup per path segment, never against each of them.
     */
    T read(String body) {
        if (body == null || body.isEmpty()) {
            throw rejected(new Violation(Violation.BODY, empty()));
        }
        Problems problems = new Problems(MAX_REPORTED_VIOLATIONS);
        T value;
        try {
            value = reader.withAttribute(ProblemCollectingModule.PROBLEMS, problems)
                    .readValue(body);
        } catch (StreamConstraintsException e) {
            throw rejected(new Violation(Violation.BODY, "exceeds the limits on nesting depth, text or number length"));
        } catch (StreamReadException e) {
            // Jackson's own wording names parser internals; the location is what a sender needs.
            throw rejected(new Violation(Violation.BODY, "is not valid JSON" + at(e.getLocation())));
        } catch (DatabindException e) {
            throw rejected(new Violation(Violation.BODY, "must hold exactly one JSON object" + at(e.getLocation())));
        } catch (IOException e) {
            throw rejected(new Violation(Violation.BODY, "could not be read"));
        }
        if (value == null) {
            if (problems.isEmpty()) {
                problems.add(new Violation(Violation.BODY, ProblemCollectingModule.notAnObject(subject)));
            }
            throw rejected(problems, "");
        }
        if (!problems.allListed()) {
            // Past the cap already: validating would only add to a count nobody reads item by item.
            throw rejected(problems, "; the rest of " + subject + " was not validated");
        }
        Set<String> unreadable = problems.listedFields();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String field = dotted(violation.getPropertyPath());
            if (!covered(unreadable, field)) {
                problems.add(new Violation(field, violation.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw rejected(problems, "");
        }
        return value;
    }

    private String empty() {
        return "is empty; send " + subject + " as a JSON object";
    }

    /**
     * A value that could not be read is null to the validator: report why it is unreadable, not
     * that it is missing, for the value itself and everything inside it.
     */
    private static boolean covered(Set<String> unreadable, String field) {
        if (unreadable.isEmpty()) {
            return false;
        }
        for (int end = 0; end < field.length(); end++) {
            char c = field.charAt(end);
            if ((c == '.' || c == '[') && unreadable.contains(field.substring(0, end))) {
                return true;
            }
        }
        return unreadable.contains(field);
    }

    private static String dotted(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? Violation.BODY : field.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private InvalidInputException rejected(Violation violation) {
        return refusal.apply(List.of(violation));
    }

    private InvalidInputException rejected(Problems problems, String unlistedNote) {
        return refusal.apply(problems.report(unlistedNote));
    }
}
