package com.healthcyber.underwriting.guideline;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Coverage;
import java.util.List;

/**
 * One filed version of the underwriting guideline and the applications it decides: those whose
 * effective date and transaction type fall in one of its windows.
 *
 * @param version the version's name, which is its folder's name under the rules directory ({@code v1})
 */
public record Guideline(String version, String description, List<GuidelineWindow> windows) {

    public Guideline {
        windows = List.copyOf(windows);
    }

    public boolean decides(Application application) {
        Coverage coverage = application.coverage();
        for (GuidelineWindow window : windows) {
            if (window.holds(application.product(), coverage.transactionType(), coverage.effectiveDate())) {
                return true;
            }
        }
        return false;
    }

    /** Same windows: a reload that changes neither rules nor windows changes nothing. */
    public boolean sameWindows(Guideline other) {
        return other != null && windows.equals(other.windows) && description.equals(other.description);
    }
}
