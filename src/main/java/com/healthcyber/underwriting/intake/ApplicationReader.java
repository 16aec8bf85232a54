package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.healthcyber.underwriting.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads a request body into an {@link Application} or rejects it with every violation at once:
 * unreadable values and unknown fields (from Jackson) together with missing and out-of-range
 * answers (from Bean Validation).
 */
@ApplicationScoped
public class ApplicationReader {

    /** Problems named in one response, at most; the rest are counted in a last violation. */
    public static final int MAX_REPORTED_VIOLATIONS = 100;

    private static final String EMPTY = "is empty; send the application as a JSON object";

    private final ObjectReader reader;
    private final Validator validator;

    public ApplicationReader(ObjectMapper mapper, Validator validator) {
        // A copy: the problem-collecting module must not change how anything else is read.
        ObjectMapper collecting = StrictJson.configure(mapper.copy())
                .registerModule(new SimpleModule("strict-dates")
                        .addDeserializer(LocalDate.class, new StrictLocalDateDeserializer()))
                .registerModule(new ProblemCollectingModule());
        this.reader = collecting.readerFor(Application.class);
        this.validator = validator;
    }

    /**
     * A reader for tools that run without the service (the rules verifier, rule tests), strict
     * and validating exactly like the service's own.
     */
    public static ApplicationReader standalone() {
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new ApplicationReader(StrictJson.newMapper(), validator);
    }

    /**
     * The body as text, if it is UTF-8 JSON text and nothing else: what is read and what the
     * record keeps are then the same text.
     */
    public String decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw rejected(new Violation(Violation.BODY, EMPTY));
        }
        return StrictUtf8.decode(body);
    }

    public Application read(byte[] body) {
        return read(decode(body));
    }

    /**
     * Reads the text of a body. Costs time in proportion to the body's length, however many
     * problems it holds: lists stop at their bounds, only the first
     * {@link #MAX_REPORTED_VIOLATIONS} problems are named, and a validation problem is matched
     * with the unreadable values by a lookup per path segment, never against each of them.
     */
    public Application read(String body) {
        if (body == null || body.isEmpty()) {
            throw rejected(new Violation(Violation.BODY, EMPTY));
        }
        Problems problems = new Problems(MAX_REPORTED_VIOLATIONS);
        Application application;
        try {
            application = reader.withAttribute(ProblemCollectingModule.PROBLEMS, problems)
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
        if (application == null) {
            if (problems.isEmpty()) {
                problems.add(new Violation(Violation.BODY, ProblemCollectingModule.NOT_AN_OBJECT));
            }
            throw rejected(problems, "");
        }
        if (!problems.allListed()) {
            // Past the cap already: validating would only add to a count nobody reads item by item.
            throw rejected(problems, "; the rest of the application was not validated");
        }
        Set<String> unreadable = problems.listedFields();
        for (ConstraintViolation<Application> violation : validator.validate(application)) {
            String field = dotted(violation.getPropertyPath());
            if (!covered(unreadable, field)) {
                problems.add(new Violation(field, violation.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw rejected(problems, "");
        }
        return application;
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

    private static InvalidApplicationException rejected(Violation violation) {
        return new InvalidApplicationException(List.of(violation));
    }

    private static InvalidApplicationException rejected(Problems problems, String unlistedNote) {
        return new InvalidApplicationException(problems.report(unlistedNote));
    }
}
