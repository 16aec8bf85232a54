package com.healthcyber.underwriting.application;

import java.util.Comparator;

/**
 * One rule's finding. Rules insert reasons into the session as facts (so other rules can see
 * them), which is why this type sits with the facts rather than with the decision.
 *
 * @param code stable code platforms map on; never changes meaning
 * @param rule the DRL rule's name, a sentence an underwriter would say
 * @param message which facts triggered the rule, in an underwriter's words
 */
public record Reason(String code, ReasonOutcome outcome, String rule, String message) {

    /** DECLINE, REFER, CONDITION, then by code: the order underwriters read them in. */
    public static final Comparator<Reason> REPORTING_ORDER =
            Comparator.comparing(Reason::outcome).thenComparing(Reason::code).thenComparing(Reason::message);
}
