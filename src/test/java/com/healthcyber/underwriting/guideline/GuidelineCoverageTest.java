package com.healthcyber.underwriting.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.TransactionType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filed windows of underwriting-guidelines.md, "Guideline versions", and what breaks them. */
class GuidelineCoverageTest {

    private static final LocalDate NEW_BUSINESS_CUT_OVER = LocalDate.parse("2027-07-01");
    private static final LocalDate RENEWAL_CUT_OVER = LocalDate.parse("2027-10-01");

    private static Guideline v1(LocalDate newBusinessUntil, LocalDate renewalUntil) {
        return new Guideline(
                "v1",
                "",
                List.of(
                        new GuidelineWindow(TransactionType.NEW_BUSINESS, Set.of(), null, newBusinessUntil),
                        new GuidelineWindow(TransactionType.RENEWAL, Set.of(), null, renewalUntil)));
    }

    private static Guideline v2(LocalDate newBusinessFrom, LocalDate renewalFrom) {
        return new Guideline(
                "v2",
                "",
                List.of(
                        new GuidelineWindow(TransactionType.NEW_BUSINESS, Set.of(), newBusinessFrom, null),
                        new GuidelineWindow(TransactionType.RENEWAL, Set.of(), renewalFrom, null)));
    }

    @Test
    void theFiledVersionsDecideEveryApplicationExactlyOnce() {
        assertEquals(
                List.of(),
                GuidelineCoverage.problems(List.of(
                        v1(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER), v2(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER))));
    }

    @Test
    void aGapNamesTheDatesNoVersionDecides() {
        List<String> problems = GuidelineCoverage.problems(List.of(
                v1(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER), v2(NEW_BUSINESS_CUT_OVER, LocalDate.parse("2027-11-01"))));
        assertEquals(Product.values().length, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .contains(
                                "RENEWAL: applications effective 2027-10-01 to before 2027-11-01 have no guideline version"),
                problems.toString());
    }

    @Test
    void anOverlapNamesBothVersionsAndTheDates() {
        List<String> problems = GuidelineCoverage.problems(List.of(
                v1(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER), v2(LocalDate.parse("2027-06-01"), RENEWAL_CUT_OVER)));
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).contains("NEW_BUSINESS: v1"), problems.toString());
        assertTrue(
                problems.get(0).contains("both decide applications effective 2027-06-01 to before 2027-07-01"),
                problems.toString());
    }

    @Test
    void aMissingTransactionTypeAndAnUnboundedEndAreGaps() {
        Guideline newBusinessOnly = new Guideline(
                "v1",
                "",
                List.of(new GuidelineWindow(TransactionType.NEW_BUSINESS, Set.of(), null, NEW_BUSINESS_CUT_OVER)));
        List<String> problems = GuidelineCoverage.problems(List.of(newBusinessOnly));
        assertTrue(
                problems.stream().anyMatch(p -> p.endsWith("RENEWAL: no guideline version decides it")),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("effective 2027-07-01 onwards have no guideline version")),
                problems.toString());
        assertTrue(GuidelineCoverage.problems(List.of(v2(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER))).stream()
                .anyMatch(p -> p.contains("applications effective before 2027-07-01 have no guideline version")));
        assertEquals(List.of("no guideline version is present"), GuidelineCoverage.problems(List.of()));
    }

    @Test
    void aProductOfItsOwnIsCheckedOnItsOwn() {
        // v2 filed for registries only: practices keep v1 for ever, registries cut over.
        Guideline v1 = new Guideline(
                "v1",
                "",
                List.of(
                        new GuidelineWindow(TransactionType.NEW_BUSINESS, Set.of(Product.CYBER_HEALTHCARE), null, null),
                        new GuidelineWindow(TransactionType.RENEWAL, Set.of(Product.CYBER_HEALTHCARE), null, null),
                        new GuidelineWindow(
                                TransactionType.NEW_BUSINESS,
                                Set.of(Product.MEDICAL_REGISTRY),
                                null,
                                NEW_BUSINESS_CUT_OVER),
                        new GuidelineWindow(
                                TransactionType.RENEWAL, Set.of(Product.MEDICAL_REGISTRY), null, RENEWAL_CUT_OVER)));
        Guideline v2 = new Guideline(
                "v2",
                "",
                List.of(
                        new GuidelineWindow(
                                TransactionType.NEW_BUSINESS,
                                Set.of(Product.MEDICAL_REGISTRY),
                                NEW_BUSINESS_CUT_OVER,
                                null),
                        new GuidelineWindow(
                                TransactionType.RENEWAL, Set.of(Product.MEDICAL_REGISTRY), RENEWAL_CUT_OVER, null)));
        assertEquals(List.of(), GuidelineCoverage.problems(List.of(v1, v2)));
    }

    @Test
    void aCutOverDateBelongsToTheLaterVersionAndTheDayBeforeToTheEarlier() {
        Guideline v1 = v1(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER);
        Guideline v2 = v2(NEW_BUSINESS_CUT_OVER, RENEWAL_CUT_OVER);
        for (Product product : Product.values()) {
            assertTrue(holds(v1, product, TransactionType.NEW_BUSINESS, "2027-06-30"));
            assertFalse(holds(v1, product, TransactionType.NEW_BUSINESS, "2027-07-01"));
            assertTrue(holds(v2, product, TransactionType.NEW_BUSINESS, "2027-07-01"));
            assertFalse(holds(v2, product, TransactionType.NEW_BUSINESS, "2027-06-30"));
            assertTrue(holds(v1, product, TransactionType.RENEWAL, "2027-09-30"));
            assertTrue(holds(v1, product, TransactionType.RENEWAL, "2027-07-01"), "renewals get a quarter more");
            assertFalse(holds(v2, product, TransactionType.RENEWAL, "2027-09-30"));
            assertTrue(holds(v2, product, TransactionType.RENEWAL, "2027-10-01"));
            assertFalse(holds(v1, product, TransactionType.RENEWAL, "2027-10-01"));
        }
    }

    private static boolean holds(Guideline guideline, Product product, TransactionType type, String date) {
        return guideline.windows().stream().anyMatch(window -> window.holds(product, type, LocalDate.parse(date)));
    }
}
