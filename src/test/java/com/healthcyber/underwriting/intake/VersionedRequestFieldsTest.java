package com.healthcyber.underwriting.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.healthcyber.underwriting.Payloads;
import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.ExternalScan;
import com.healthcyber.underwriting.application.TransactionType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The v1.1 request fields ({@code coverage.transactionType}, {@code externalScan}) read as
 * strictly as the v1 ones: absent is allowed, anything else off the contract is a violation
 * naming the field, every offending field in one answer.
 */
class VersionedRequestFieldsTest {

    private final ApplicationReader reader = ApplicationReader.standalone();

    // --- coverage.transactionType ---

    @Test
    void anAbsentTransactionTypeIsNewBusiness() {
        Application application = read(Payloads.contractExample());
        assertEquals(TransactionType.NEW_BUSINESS, application.coverage().transactionType());
    }

    @Test
    void aNullTransactionTypeIsNewBusiness() {
        Application application = read(with(app -> app.withObject("/coverage").putNull("transactionType")));
        assertEquals(TransactionType.NEW_BUSINESS, application.coverage().transactionType());
    }

    @Test
    void readsBothTransactionTypes() {
        for (TransactionType type : TransactionType.values()) {
            Application application =
                    read(with(app -> app.withObject("/coverage").put("transactionType", type.name())));
            assertEquals(type, application.coverage().transactionType());
        }
    }

    @Test
    void anUnknownTransactionTypeListsTheAllowedValues() {
        assertEquals(
                List.of(new Violation("coverage.transactionType", "must be one of: NEW_BUSINESS, RENEWAL")),
                rejected(with(app -> app.withObject("/coverage").put("transactionType", "RENEW"))));
    }

    @Test
    void aTransactionTypeInAnotherCaseIsUnknown() {
        assertEquals(
                List.of(new Violation("coverage.transactionType", "must be one of: NEW_BUSINESS, RENEWAL")),
                rejected(with(app -> app.withObject("/coverage").put("transactionType", "renewal"))));
    }

    @Test
    void anEmptyTransactionTypeIsNotAbsent() {
        assertEquals(
                List.of(new Violation("coverage.transactionType", "must be one of: NEW_BUSINESS, RENEWAL")),
                rejected(with(app -> app.withObject("/coverage").put("transactionType", ""))));
    }

    @Test
    void aTransactionTypeGivenAsANumberIsNotAnOrdinal() {
        assertEquals(
                List.of(new Violation("coverage.transactionType", "must be one of: NEW_BUSINESS, RENEWAL")),
                rejected(with(app -> app.withObject("/coverage").put("transactionType", 1))));
    }

    @Test
    void aTransactionTypeGivenAsAListIsRefused() {
        assertEquals(
                List.of("coverage.transactionType"),
                fields(rejected(with(app ->
                        app.withObject("/coverage").putArray("transactionType").add("RENEWAL")))));
    }

    // --- externalScan ---

    @Test
    void anAbsentScanIsNoScan() {
        assertNull(read(Payloads.contractExample()).externalScan());
    }

    @Test
    void aNullScanIsNoScan() {
        assertNull(read(with(app -> app.putNull("externalScan"))).externalScan());
    }

    @Test
    void readsACompleteScan() {
        ExternalScan scan = read(with(app -> scan(app))).externalScan();
        assertEquals(new ExternalScan(LocalDate.of(2026, 12, 1), true, false, 12), scan);
    }

    @Test
    void aScanWithEveryFieldMissingNamesAllFourInOneAnswer() {
        assertEquals(
                List.of(
                        new Violation("externalScan.endOfLifeSoftwareObserved", "is required"),
                        new Violation("externalScan.leakedCredentials", "is required"),
                        new Violation("externalScan.openRdp", "is required"),
                        new Violation("externalScan.scanDate", "is required")),
                sorted(rejected(with(app -> app.putObject("externalScan")))));
    }

    @Test
    void aScanWithNullFieldsIsAsIncompleteAsOneWithoutThem() {
        assertEquals(
                List.of("externalScan.leakedCredentials", "externalScan.scanDate"),
                fields(sorted(rejected(with(app -> scan(app).putNull("scanDate").putNull("leakedCredentials"))))));
    }

    @Test
    void anUnknownFieldInsideTheScanIsNamed() {
        assertEquals(
                List.of(new Violation("externalScan.openPorts", "is not a known field")),
                rejected(with(app -> scan(app).put("openPorts", 3))));
    }

    @Test
    void aMisspeltScanFieldIsUnknownAndTheRealOneMissing() {
        assertEquals(
                List.of(
                        new Violation("externalScan.openRDP", "is not a known field"),
                        new Violation("externalScan.openRdp", "is required")),
                sorted(rejected(with(app -> {
                    ObjectNode scan = scan(app);
                    scan.remove("openRdp");
                    scan.put("openRDP", true);
                }))));
    }

    @Test
    void negativeLeakedCredentialsAreRefused() {
        assertEquals(
                List.of(new Violation("externalScan.leakedCredentials", "must be greater than or equal to 0")),
                rejected(with(app -> scan(app).put("leakedCredentials", -1))));
    }

    @Test
    void noLeakedCredentialsAreAnAnswer() {
        assertEquals(
                0,
                read(with(app -> scan(app).put("leakedCredentials", 0)))
                        .externalScan()
                        .leakedCredentials());
    }

    @Test
    void wrongTypesInsideTheScanAreEachNamed() {
        List<Violation> violations = sorted(rejected(with(app -> scan(app)
                .put("scanDate", "2026-02-30")
                .put("openRdp", "yes")
                .put("endOfLifeSoftwareObserved", 0)
                .put("leakedCredentials", 1.5))));
        assertEquals(
                List.of(
                        "externalScan.endOfLifeSoftwareObserved",
                        "externalScan.leakedCredentials",
                        "externalScan.openRdp",
                        "externalScan.scanDate"),
                fields(violations));
        assertEquals("must be true or false", message(violations, "externalScan.openRdp"));
        assertEquals("must be true or false", message(violations, "externalScan.endOfLifeSoftwareObserved"));
        assertEquals("must be a whole number", message(violations, "externalScan.leakedCredentials"));
        assertEquals("must be a date in yyyy-MM-dd format", message(violations, "externalScan.scanDate"));
    }

    @Test
    void aQuotedCountIsNotACount() {
        assertEquals(
                List.of(new Violation("externalScan.leakedCredentials", "must be a whole number")),
                rejected(with(app -> scan(app).put("leakedCredentials", "12"))));
    }

    @Test
    void aScanDateIsAnIsoDate() {
        for (String date : List.of("01/12/2026", "2026-12-1", "20261201", "2026-12-01T00:00:00Z", "")) {
            assertEquals(
                    List.of(new Violation("externalScan.scanDate", "must be a date in yyyy-MM-dd format")),
                    rejected(with(app -> scan(app).put("scanDate", date))),
                    date);
        }
    }

    @Test
    void aScanThatIsNotAnObjectIsRefused() {
        for (Consumer<ObjectNode> notAnObject : List.<Consumer<ObjectNode>>of(
                app -> app.put("externalScan", "clean"),
                app -> app.put("externalScan", true),
                app -> app.putArray("externalScan").addObject())) {
            assertEquals(List.of(new Violation("externalScan", "must be an object")), rejected(with(notAnObject)));
        }
    }

    @Test
    void scanViolationsAreListedWithTheRestOfTheApplicationsViolations() {
        List<Violation> violations = sorted(rejected(with(app -> {
            app.withObject("/controls").remove("mfaEmail");
            app.withObject("/coverage").put("transactionType", "RENEW");
            scan(app).put("leakedCredentials", -3).remove("openRdp");
        })));
        assertEquals(
                List.of(
                        "controls.mfaEmail",
                        "coverage.transactionType",
                        "externalScan.leakedCredentials",
                        "externalScan.openRdp"),
                fields(violations));
    }

    /** A complete scan on the contract example, returned for a test to change. */
    private static ObjectNode scan(ObjectNode application) {
        return application
                .putObject("externalScan")
                .put("scanDate", "2026-12-01")
                .put("openRdp", true)
                .put("endOfLifeSoftwareObserved", false)
                .put("leakedCredentials", 12);
    }

    private static String with(Consumer<ObjectNode> change) {
        return Payloads.contractExampleWith(change);
    }

    private Application read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    private List<Violation> rejected(String body) {
        return assertThrows(InvalidApplicationException.class, () -> read(body)).violations();
    }

    private static List<Violation> sorted(List<Violation> violations) {
        return violations.stream()
                .sorted(java.util.Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    private static String message(List<Violation> violations, String field) {
        return violations.stream()
                .filter(violation -> violation.field().equals(field))
                .map(Violation::message)
                .findFirst()
                .orElseThrow();
    }
}
