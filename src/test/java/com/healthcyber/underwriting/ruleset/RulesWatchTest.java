package com.healthcyber.underwriting.ruleset;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Saving a rule file is enough: the change is verified and goes live within seconds. */
@QuarkusTest
@TestProfile(WatchedRulesProfile.class)
class RulesWatchTest {

    @org.junit.jupiter.api.BeforeEach
    void authenticate() {
        com.healthcyber.underwriting.security.Tokens.authenticateEveryRequest();
    }

    @Test
    void aSavedChangeGoesLiveAndABrokenSaveDoesNot() throws InterruptedException {
        String before = version();
        CopiedRules.edit(
                WatchedRulesProfile.RULES,
                "v1/common/minimum-controls.drl",
                "email does not require MFA\"",
                "email is not protected by MFA\"");
        String after = awaitVersionOtherThan(before);
        assertNotEquals(before, after);

        CopiedRules.edit(
                WatchedRulesProfile.RULES,
                "v1/common/minimum-controls.drl",
                "Controls( mfaEmail == false )",
                "Controls( mfaEmial == false )");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"REJECTED".equals(given().get("/rules").then().extract().path("lastReload.status"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("REJECTED", given().get("/rules").then().extract().path("lastReload.status"));
        assertEquals("watch", given().get("/rules").then().extract().path("lastReload.trigger"));
        assertEquals(after, version());
    }

    private static String version() {
        return given().get("/rules")
                .then()
                .statusCode(200)
                .extract()
                .path("guidelines.find { it.guidelineVersion == 'v1' }.version");
    }

    private static String awaitVersionOtherThan(String version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String current = version();
        while (current.equals(version) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = version();
        }
        return current;
    }
}
