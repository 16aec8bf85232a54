package com.healthcyber.underwriting.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The referral desk on a real PostgreSQL server, as production runs it. */
@QuarkusTest
@TestProfile(PostgresStore.class)
class PostgresReferralTest extends ReferralContract {}
