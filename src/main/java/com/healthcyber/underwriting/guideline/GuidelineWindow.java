package com.healthcyber.underwriting.guideline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.TransactionType;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Effective dates for which a guideline version decides one transaction type: from {@code from}
 * (inclusive; null means since the beginning) until {@code until} (exclusive; null means until a
 * later version is filed). Half-open, so one version's {@code until} is the next one's {@code
 * from} and a cut-over date belongs to exactly one of them.
 *
 * @param products the products it applies to; empty means every product
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuidelineWindow(
        TransactionType transactionType,
        Set<Product> products,
        @Schema(nullable = true) LocalDate from,
        @Schema(nullable = true) LocalDate until) {

    public GuidelineWindow {
        products = products == null ? Set.of() : Set.copyOf(products);
    }

    public boolean holds(Product product, TransactionType type, LocalDate effectiveDate) {
        return transactionType == type
                && (products.isEmpty() || products.contains(product))
                && (from == null || !effectiveDate.isBefore(from))
                && (until == null || effectiveDate.isBefore(until));
    }

    boolean appliesTo(Product product, TransactionType type) {
        return transactionType == type && (products.isEmpty() || products.contains(product));
    }

    /** "effective 2027-07-01 onwards", "effective before 2027-10-01", as an underwriter says it. */
    public String describe() {
        String dates;
        if (from == null && until == null) {
            dates = "every effective date";
        } else if (from == null) {
            dates = "effective before " + until;
        } else if (until == null) {
            dates = "effective " + from + " onwards";
        } else {
            dates = "effective " + from + " to before " + until;
        }
        return transactionType + (products.isEmpty() ? "" : " " + products) + ", " + dates;
    }
}
