package com.healthcyber.underwriting.audit;

import io.quarkus.test.junit.QuarkusTest;

/** The referral desk on the embedded store a fresh checkout runs with. */
@QuarkusTest
class EmbeddedReferralTest extends ReferralContract {}
