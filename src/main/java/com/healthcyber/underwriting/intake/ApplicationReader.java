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
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a request body into an {@link Application} or rejects it with every violation at once:
 * unreadable values and unknown fields (from Jackson) together with missing and out-of-range
 * answers (from Bean Validation).
 */
@ApplicationScoped
public class ApplicationReader {

    private final ObjectReader reader;
    private final Validator validator;

    public ApplicationReader(ObjectMapper mapper, Validator validator) {
        // A copy: the problem-collecting module must not change how anything else is read.
        ObjectMapper collecting = StrictJson.configure(mapper.copy())
                .registerModule(new SimpleModule("strict-dates").addDeserializer(LocalDate.class, new StrictLocalDateDeserializer()))
                .registerModule(new ProblemCollectingModule());
        this.reader = collecting.readerFor(Application.class);
        this.validator = validator;
    }

    /**
     * A reader for tools that run without the service (the rules verifier, rule tests), strict
     * and validating exactly like the service's own.
     */
    public static ApplicationReader standalone() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new ApplicationReader(StrictJson.newMapper(), validator);
    }

    public Application read(byte[] body) {
        if (body == null || body.length == 0) {
            throw rejected(new Violation(Violation.BODY, "is empty; send the application as a JSON object"));
        }
        List<Violation> violations = new ArrayList<>();
        Application application;
        try {
            application = reader.withAttribute(ProblemCollectingModule.PROBLEMS, violations).readValue(body);
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
            if (violations.isEmpty()) {
                violations.add(new Violation(Violation.BODY, ProblemCollectingModule.NOT_AN_OBJECT));
            }
            throw rejected(violations);
        }
        List<Violation> unreadable = List.copyOf(violations);
        for (ConstraintViolation<Application> violation : validator.validate(application)) {
            String field = dotted(violation.getPropertyPath());
            if (unreadable.stream().noneMatch(problem -> covers(problem.field(), field))) {
                violations.add(new Violation(field, violation.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw rejected(violations);
        }
        return application;
    }

    /** A value that could not be read is null to the validator: report why it is unreadable, not that it is missing. */
    private static boolean covers(String unreadable, String field) {
        return field.equals(unreadable) || field.startsWith(unreadable + ".") || field.startsWith(unreadable + "[");
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
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static InvalidApplicationException rejected(Violation violation) {
        return rejected(List.of(violation));
    }

    private static InvalidApplicationException rejected(List<Violation> violations) {
        return new InvalidApplicationException(violations.stream()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList());
    }
}
