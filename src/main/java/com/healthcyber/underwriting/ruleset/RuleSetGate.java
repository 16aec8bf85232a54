package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's one loader and one gate, built from {@code underwriting.rules.*}: reloads,
 * start-up and impact analysis of candidates all compile with the engine configured here.
 * Singletons, not application-scoped: both are final and stateless, so they need no proxy.
 */
final class RuleSetGate {

    private RuleSetGate() {}

    @Produces
    @Singleton
    static RuleSetLoader loader(UnderwritingConfig config) {
        return new RuleSetLoader(
                config.rules().sessionPoolSize(), config.rules().executableModel());
    }

    @Produces
    @Singleton
    static RuleSetVerifier verifier(RuleSetLoader loader, ApplicationReader reader, ObjectMapper mapper) {
        return RuleSetVerifier.of(loader, reader, mapper);
    }

    @Produces
    @Singleton
    static GuidelineFolders folders(ObjectMapper mapper) {
        return new GuidelineFolders(mapper);
    }
}
