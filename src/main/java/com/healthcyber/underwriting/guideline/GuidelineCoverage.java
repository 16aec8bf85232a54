package com.healthcyber.underwriting.guideline;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.TransactionType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a set of guideline versions decides every application exactly once: for each product
 * and transaction type their windows, in date order, must start at the beginning of time, meet
 * end to end, and leave the last one open. A gap would leave applications no guideline can
 * decide; an overlap would let two guidelines claim one application.
 */
public final class GuidelineCoverage {

    private GuidelineCoverage() {}

    private record Claim(String version, GuidelineWindow window) {}

    /** Every gap and overlap, each naming the versions and the dates; empty when the set is sound. */
    public static List<String> problems(List<Guideline> guidelines) {
        List<String> problems = new ArrayList<>();
        if (guidelines.isEmpty()) {
            problems.add("no guideline version is present");
            return problems;
        }
        for (TransactionType type : TransactionType.values()) {
            for (Product product : Product.values()) {
                check(guidelines, product, type, problems);
            }
        }
        return problems.stream().distinct().toList();
    }

    private static void check(
            List<Guideline> guidelines, Product product, TransactionType type, List<String> problems) {
        List<Claim> claims = new ArrayList<>();
        for (Guideline guideline : guidelines) {
            for (GuidelineWindow window : guideline.windows()) {
                if (window.appliesTo(product, type)) {
                    claims.add(new Claim(guideline.version(), window));
                }
            }
        }
        String scope = product + " " + type;
        if (claims.isEmpty()) {
            problems.add(scope + ": no guideline version decides it");
            return;
        }
        claims.sort(Comparator.comparing(
                (Claim claim) -> claim.window().from(), Comparator.nullsFirst(Comparator.naturalOrder())));
        Claim first = claims.get(0);
        if (first.window().from() != null) {
            problems.add(
                    scope + ": applications effective before " + first.window().from() + " have no guideline version ("
                            + first.version() + " starts " + first.window().from() + ")");
        }
        for (int i = 1; i < claims.size(); i++) {
            Claim previous = claims.get(i - 1);
            Claim next = claims.get(i);
            LocalDate ends = previous.window().until();
            LocalDate starts = next.window().from();
            if (ends == null || starts.isBefore(ends)) {
                problems.add(scope + ": " + previous.version() + " ("
                        + previous.window().describe() + ") and "
                        + next.version() + " (" + next.window().describe() + ") both decide applications effective "
                        + starts + (ends == null ? " onwards" : " to before " + ends));
            } else if (starts.isAfter(ends)) {
                problems.add(scope + ": applications effective " + ends + " to before " + starts
                        + " have no guideline version (" + previous.version() + " ends before " + ends + ", "
                        + next.version() + " starts " + starts + ")");
            }
        }
        Claim last = claims.get(claims.size() - 1);
        if (last.window().until() != null
                && claims.stream().noneMatch(claim -> claim.window().until() == null)) {
            problems.add(scope + ": applications effective " + last.window().until()
                    + " onwards have no guideline version (" + last.version() + " ends before "
                    + last.window().until() + ")");
        }
    }
}
