package com.healthcyber.underwriting.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.GuidelineUnderTest;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.intake.ApplicationReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What v2's messages say, where the guideline says what they must say: a moved threshold is
 * stated, the sublimit is the amount that applies, each contradiction is named and a stale scan
 * says how old it is. The scenarios check codes only; these check the words.
 */
class GuidelineV2MessagesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ApplicationReader reader = ApplicationReader.standalone();

    @Test
    void patchingCadenceStatesTheFourteenDayThreshold() {
        assertEquals(
                "critical patches are applied within 15 days, more than 14",
                message("PATCHING_CADENCE", app -> app.withObject("/controls").put("criticalPatchDays", 15)));
    }

    @Test
    void recordsReferralStatesTheFiftyThousandThreshold() {
        assertEquals(
                "50001 patient records, more than 50000, need an underwriter's review",
                message("RECORDS_REFERRAL", app -> app.withObject("/data").put("patientRecords", 50001)));
    }

    @Test
    void severeLossHistoryStatesTheOneHundredThousandThreshold() {
        String message = message(
                "LOSS_HISTORY_SEVERE",
                app -> app.withObject("/history")
                        .putArray("claims")
                        .addObject()
                        .put("date", "2025-12-01")
                        .put("type", "RANSOMWARE")
                        .put("paid", 100000));
        assertEquals(
                "1 claim within 5 years of 2027-07-01: RANSOMWARE on 2025-12-01, paid 100000;"
                        + " 2 or more claims, or one paid 100000 or more, make the loss history severe",
                message);
    }

    @Test
    void theSublimitIs250000UnderAHigherPolicyLimit() {
        assertEquals(
                "no endpoint detection and response: cyber extortion is written with a sublimit of 250000",
                message("RANSOMWARE_SUBLIMIT", withoutEdrAndLimit(1_000_000)));
    }

    @Test
    void theSublimitIs250000UnderAPolicyLimitOfExactly250000() {
        assertEquals(
                "no endpoint detection and response: cyber extortion is written with a sublimit of 250000",
                message("RANSOMWARE_SUBLIMIT", withoutEdrAndLimit(250_000)));
    }

    @Test
    void theSublimitIsThePolicyLimitWhenThatIsLower() {
        assertEquals(
                "no endpoint detection and response: cyber extortion is written with a sublimit of 200000,"
                        + " the policy limit, as it is below 250000",
                message("RANSOMWARE_SUBLIMIT", withoutEdrAndLimit(200_000)));
    }

    @Test
    void anAttestationConflictNamesEachContradiction() {
        String both = message("ATTESTATION_CONFLICT", scan("2027-06-01", true, true, 0));
        assertEquals(
                "the scan found RDP open to the internet, the application says it is not exposed and"
                        + " the scan observed end-of-life software, the application says none is in use",
                both);
    }

    @Test
    void anAttestationConflictNamesOnlyTheContradictionFound() {
        String rdp = message("ATTESTATION_CONFLICT", scan("2027-06-01", true, false, 0));
        assertTrue(rdp.contains("RDP"), rdp);
        assertFalse(rdp.contains("end-of-life"), rdp);
        String endOfLife = message("ATTESTATION_CONFLICT", scan("2027-06-01", false, true, 0));
        assertTrue(endOfLife.contains("end-of-life"), endOfLife);
        assertFalse(endOfLife.contains("RDP"), endOfLife);
    }

    @Test
    void leakedCredentialsStatesHowMany() {
        assertEquals(
                "a current external scan found 10 leaked credentials",
                message("LEAKED_CREDENTIALS", scan("2027-06-01", false, false, 10)));
    }

    @Test
    void aStaleScanSaysHowOldItIs() {
        assertEquals(
                "the external scan of 2027-04-01 is 91 days old on the effective date 2027-07-01:"
                        + " a fresh scan is required before binding",
                message("STALE_EXTERNAL_SCAN", scan("2027-04-01", false, false, 0)));
    }

    @Test
    void aScanDatedAfterTheEffectiveDateSaysSo() {
        assertEquals(
                "the external scan of 2027-07-02 is dated 1 day after the effective date 2027-07-01:"
                        + " a fresh scan is required before binding",
                message("STALE_EXTERNAL_SCAN", scan("2027-07-02", false, false, 0)));
    }

    @Test
    void illinoisGeneticDataNamesTheRegistries() {
        String message = decide("clean-registry.json", app -> {
                    app.withObject("/applicant").put("state", "IL");
                    ((ObjectNode) app.withArray("/registries").get(0))
                            .put("containsGeneticData", true)
                            .put("identifiable", true);
                })
                .stream()
                .filter(reason -> reason.code().equals("GENETIC_DATA_ILLINOIS"))
                .findFirst()
                .orElseThrow()
                .message();
        assertEquals(
                "identifiable genetic data in Regional Joint Replacement Registry of an Illinois applicant"
                        + " (Genetic Information Privacy Act)",
                message);
    }

    private static Consumer<ObjectNode> withoutEdrAndLimit(long limit) {
        return app -> {
            app.withObject("/controls").put("endpointDetectionAndResponse", false);
            app.withObject("/coverage").put("limit", limit);
        };
    }

    private static Consumer<ObjectNode> scan(String date, boolean openRdp, boolean endOfLife, int leaked) {
        return app -> app.putObject("externalScan")
                .put("scanDate", date)
                .put("openRdp", openRdp)
                .put("endOfLifeSoftwareObserved", endOfLife)
                .put("leakedCredentials", leaked);
    }

    /** The one reason with this code that v2 gives the clean practice with the change made. */
    private String message(String code, Consumer<ObjectNode> change) {
        List<Reason> reasons = decide("clean-practice.json", change).stream()
                .filter(reason -> reason.code().equals(code))
                .toList();
        assertEquals(1, reasons.size(), () -> code + " in " + reasons);
        return reasons.get(0).message();
    }

    private List<Reason> decide(String base, Consumer<ObjectNode> change) {
        try {
            ObjectNode application = (ObjectNode) MAPPER.readTree(GuidelineUnderTest.V2
                    .directory()
                    .resolve(Path.of("scenarios", "bases", base))
                    .toFile());
            change.accept(application);
            return GuidelineUnderTest.V2
                    .ruleSet()
                    .evaluate(reader.read(MAPPER.writeValueAsBytes(application)))
                    .reasons();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
