package com.healthcyber.underwriting.engine;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.AuthorityRequirement;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The vocabulary rules are written in, imported into DRL with
 * {@code import function com.healthcyber.underwriting.engine.RuleFunctions.*}.
 *
 * <p>Reasons take their code and rule name from the rule's own metadata, so a rule states its
 * code once (in {@code @code}) and cannot report under another rule's code. Date helpers take
 * the effective date as an argument: rules never read the clock.
 */
public final class RuleFunctions {

    private RuleFunctions() {}

    public static Reason decline(Object drools, String message) {
        return reason(drools, ReasonOutcome.DECLINE, message);
    }

    public static Reason refer(Object drools, String message) {
        return reason(drools, ReasonOutcome.REFER, message);
    }

    public static Reason condition(Object drools, String message) {
        return reason(drools, ReasonOutcome.CONDITION, message);
    }

    /**
     * An authority the referral needs beyond its reasons' own levels (an authority rule's
     * consequence): {@code insertLogical( requireAuthority( drools, AuthorityLevel.UNDERWRITING_MANAGER, "…" ) )}.
     */
    public static AuthorityRequirement requireAuthority(Object drools, AuthorityLevel level, String message) {
        RuleContext context = (RuleContext) drools;
        return new AuthorityRequirement(code(context), level, context.getRule().getName(), message);
    }

    /** {@code drools} is the rule's context: a KnowledgeHelper in classic DRL, a DroolsImpl in the executable model. */
    private static Reason reason(Object context, ReasonOutcome outcome, String message) {
        RuleContext drools = (RuleContext) context;
        return new Reason(code(drools), outcome, drools.getRule().getName(), message);
    }

    private static String code(RuleContext drools) {
        Object code = drools.getRule().getMetaData().get(RuleMetadata.CODE);
        if (code == null || code.toString().isBlank()) {
            throw new IllegalStateException("rule '" + drools.getRule().getName() + "' has no @code");
        }
        return code.toString();
    }

    /** True when {@code date} lies between {@code effectiveDate} minus {@code years} and {@code effectiveDate}, both included. */
    public static boolean withinYearsBefore(LocalDate date, LocalDate effectiveDate, int years) {
        return date != null && !date.isBefore(effectiveDate.minusYears(years)) && !date.isAfter(effectiveDate);
    }

    /** True when {@code date} lies between {@code effectiveDate} minus {@code days} and {@code effectiveDate}, both included. */
    public static boolean withinDaysBefore(LocalDate date, LocalDate effectiveDate, int days) {
        return date != null && !date.isBefore(effectiveDate.minusDays(days)) && !date.isAfter(effectiveDate);
    }

    /**
     * How many days {@code date} lies before {@code effectiveDate}: negative when it lies after,
     * so a message can say how old evidence is without repeating the threshold it failed.
     */
    public static long daysBefore(LocalDate date, LocalDate effectiveDate) {
        return ChronoUnit.DAYS.between(date, effectiveDate);
    }

    /** True when {@code date} lies before {@code effectiveDate} minus {@code months}; false when there is no date. */
    public static boolean moreThanMonthsBefore(LocalDate date, LocalDate effectiveDate, int months) {
        return date != null && date.isBefore(effectiveDate.minusMonths(months));
    }

    /** True when {@code date} is on or before {@code effectiveDate} plus {@code months} (earlier dates count too). */
    public static boolean withinMonthsAfter(LocalDate date, LocalDate effectiveDate, int months) {
        return date != null && !date.isAfter(effectiveDate.plusMonths(months));
    }

    /** Lists facts for a message: {@code "a, b and c"}. */
    @SuppressWarnings("unchecked")
    public static <T> String listing(Collection<?> facts, Function<T, String> describe) {
        var descriptions = facts.stream().map(fact -> describe.apply((T) fact)).collect(Collectors.toList());
        if (descriptions.size() <= 1) {
            return String.join("", descriptions);
        }
        return String.join(", ", descriptions.subList(0, descriptions.size() - 1)) + " and "
                + descriptions.get(descriptions.size() - 1);
    }

    /** {@code "1 claim"}, {@code "3 claims"}. */
    public static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
