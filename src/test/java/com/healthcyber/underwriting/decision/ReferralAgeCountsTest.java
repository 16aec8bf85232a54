package com.healthcyber.underwriting.decision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.audit.ReferralAges;
import com.healthcyber.underwriting.security.Roles;
import com.healthcyber.underwriting.security.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The book's referral ages: a look reuses a recent count, and a count is taken again while someone looks. */
@QuarkusTest
class ReferralAgeCountsTest {

    @Inject
    ReferralService referrals;

    @Test
    void aLookReusesARecentCountAndTheCountIsTakenAgainAheadWhileSomeoneLooks() throws Exception {
        ReferralAges first = referrals.ages(Optional.empty());
        assertSame(first, referrals.ages(Optional.empty()), "a second look at once reuses the count");

        given().auth()
                .oauth2(Tokens.withRoles(Roles.DECISIONS_WRITE))
                .contentType(ContentType.JSON)
                .body(Payloads.contractExample())
                .post("/decisions")
                .then()
                .statusCode(200);

        // The test profile counts every 500 ms; the background takes the count again for the
        // filter just looked at, so the new referral shows without a look paying for it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ReferralAges later = referrals.ages(Optional.empty());
        while (!later.asOf().isAfter(first.asOf()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            later = referrals.ages(Optional.empty());
        }
        assertTrue(later.asOf().isAfter(first.asOf()), "counted again: " + first.asOf() + " then " + later.asOf());
        // At least: decisions other tests sent may still be committing into the same store.
        assertTrue(
                later.total() >= first.total() + 1,
                "the new referral is counted: " + first.total() + " then " + later.total());
    }
}
