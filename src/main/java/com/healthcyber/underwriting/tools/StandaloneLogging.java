package com.healthcyber.underwriting.tools;

import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * Logging for tools that run the rules without the service. Unconfigured, the log manager
 * passes every TRACE record Drools emits per rule firing, which costs more than the rules.
 */
public final class StandaloneLogging {

    private StandaloneLogging() {}

    public static void quiet() {
        LogContext context = LogContext.getLogContext();
        context.getLogger("").setLevel(Level.INFO);
        context.getLogger("org.drools").setLevel(Level.WARNING);
        context.getLogger("org.kie").setLevel(Level.WARNING);
        context.getLogger("org.hibernate.validator").setLevel(Level.WARNING);
    }
}
