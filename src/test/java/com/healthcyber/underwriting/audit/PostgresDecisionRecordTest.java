package com.healthcyber.underwriting.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same record on a real PostgreSQL server, as production runs it. */
@QuarkusTest
@TestProfile(PostgresStore.class)
class PostgresDecisionRecordTest extends DecisionRecordContract {}
