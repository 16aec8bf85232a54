package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What asked for a reload. Its lower-case name is what `GET /rules` and the reload metric show. */
public enum ReloadTrigger {
    /** The service starting up. */
    STARTUP,
    /** A change in the rules directory. */
    WATCH,
    /** {@code POST /rules/reload}. */
    API,
    /** The console's "reload now" button. */
    CONSOLE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
