package com.healthcyber.underwriting.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract, against the packaged application. */
@QuarkusIntegrationTest
class DecisionResourceIT extends DecisionResourceTest {}
