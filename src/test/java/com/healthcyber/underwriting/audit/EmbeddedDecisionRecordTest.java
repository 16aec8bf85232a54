package com.healthcyber.underwriting.audit;

import io.quarkus.test.junit.QuarkusTest;

/** The record on the embedded store a fresh checkout runs with. */
@QuarkusTest
class EmbeddedDecisionRecordTest extends DecisionRecordContract {}
