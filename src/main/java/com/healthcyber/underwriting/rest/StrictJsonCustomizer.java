package com.healthcyber.underwriting.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.intake.StrictJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Every JSON body the service reads is read strictly, not only applications. */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.configure(mapper);
    }
}
