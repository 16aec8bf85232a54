package com.healthcyber.underwriting.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.application.ResolutionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * Reads the body of a resolution as strictly as an application is read: unknown fields, wrong
 * types and every missing or out-of-range answer at once ({@link InvalidResolutionException}).
 */
@ApplicationScoped
public class ResolutionReader {

    private final StrictReader<ResolutionRequest> reader;

    public ResolutionReader(ObjectMapper mapper, Validator validator) {
        this.reader = new StrictReader<>(
                mapper, validator, ResolutionRequest.class, "the resolution", InvalidResolutionException::new);
    }

    public ResolutionRequest read(byte[] body) {
        return reader.read(reader.decode(body));
    }
}
