package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.AuthorityLevel;

/**
 * A resolution that is not the caller's to make, or not one to make at all. Each kind is one
 * answer of the contract: {@link Kind#FORBIDDEN} 403, {@link Kind#CONFLICT} 409. The message
 * says what to do, in the desk's words; it never echoes a token's claim.
 */
public class ResolutionRefusedException extends RuntimeException {

    public enum Kind {
        FORBIDDEN,
        CONFLICT
    }

    private final Kind kind;
    private final String title;

    private ResolutionRefusedException(Kind kind, String title, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    static ResolutionRefusedException noAuthority() {
        return new ResolutionRefusedException(
                Kind.FORBIDDEN,
                "No underwriting authority",
                "The token's uw_authority claim is missing or is not one of " + levels()
                        + ": it cannot resolve referrals.");
    }

    static ResolutionRefusedException insufficientAuthority(
            String decisionId, AuthorityLevel required, AuthorityLevel held) {
        return new ResolutionRefusedException(
                Kind.FORBIDDEN,
                "Insufficient authority",
                "Referral " + decisionId + " needs " + required + " or above; the token's uw_authority is " + held
                        + ".");
    }

    static ResolutionRefusedException notAReferral(String decisionId, String outcome) {
        return new ResolutionRefusedException(
                Kind.CONFLICT,
                "Not a referral",
                "Decision " + decisionId + " was decided " + outcome + ": only a REFER is resolved by a person.");
    }

    static ResolutionRefusedException referredBeforeAuthority(String decisionId) {
        return new ResolutionRefusedException(
                Kind.CONFLICT,
                "Not a referral of the desk",
                "Decision " + decisionId + " was referred before referrals carried a required authority, so it is not "
                        + "on the desk; decide the application again to refer it there.");
    }

    static ResolutionRefusedException alreadyResolved(String decisionId, String action, String when) {
        return new ResolutionRefusedException(
                Kind.CONFLICT,
                "Already resolved",
                "Referral " + decisionId + " was resolved (" + action + ") at " + when
                        + "; a resolution is final. A change of mind is a new application, decided anew.");
    }

    private static String levels() {
        return String.join(
                ", ",
                java.util.Arrays.stream(AuthorityLevel.values()).map(Enum::name).toList());
    }
}
