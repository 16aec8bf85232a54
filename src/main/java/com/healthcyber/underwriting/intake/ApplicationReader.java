package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads a request body into an {@link Application} or rejects it with every violation at once
 * ({@link InvalidApplicationException}): unreadable values and unknown fields (from Jackson)
 * together with missing and out-of-range answers (from Bean Validation).
 */
@ApplicationScoped
public class ApplicationReader {

    /** Problems named in one response, at most; the rest are counted in a last violation. */
    public static final int MAX_REPORTED_VIOLATIONS = StrictReader.MAX_REPORTED_VIOLATIONS;

    private final StrictReader<Application> reader;

    public ApplicationReader(ObjectMapper mapper, Validator validator) {
        this.reader = new StrictReader<>(
                mapper, validator, Application.class, "the application", InvalidApplicationException::new);
    }

    /**
     * A reader for tools that run without the service (the rules verifier, rule tests), strict
     * and validating exactly like the service's own.
     */
    public static ApplicationReader standalone() {
        return new ApplicationReader(StrictJson.newMapper(), standaloneValidator());
    }

    static Validator standaloneValidator() {
        return Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }

    /**
     * The body as text, if it is UTF-8 JSON text and nothing else: what is read and what the
     * record keeps are then the same text.
     */
    public String decode(byte[] body) {
        return reader.decode(body);
    }

    public Application read(byte[] body) {
        return read(decode(body));
    }

    /** See {@link StrictReader#read(String)}: time in proportion to the body's length, however many problems it holds. */
    public Application read(String body) {
        return reader.read(body);
    }
}
