package com.healthcyber.underwriting.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The v1.1 request fields, against the packaged application. */
@QuarkusIntegrationTest
class VersionedRequestFieldsResourceIT extends VersionedRequestFieldsResourceTest {}
