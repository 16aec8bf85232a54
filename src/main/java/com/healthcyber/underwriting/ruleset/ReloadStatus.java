package com.healthcyber.underwriting.ruleset;

public enum ReloadStatus {
    /** The candidate compiled, passed lint and every scenario, and now decides. */
    ACCEPTED,
    /** The candidate failed; the previous ruleset keeps deciding. */
    REJECTED,
    /** The rule files are the ones already live; nothing was compiled. */
    UNCHANGED,
    /** The version's folder is gone and no window needs it any more: it no longer decides. */
    WITHDRAWN
}
