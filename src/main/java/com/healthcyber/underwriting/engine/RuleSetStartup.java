package com.healthcyber.underwriting.engine;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Compiles the rules directory at start-up. A broken ruleset stops the service with a report an
 * underwriter can act on (file, line, rule, message) instead of a stack trace: deciding on no
 * rules, or on rules nobody reviewed, is worse than not starting. Until a ruleset is active,
 * {@code POST /decisions} answers 503.
 */
@ApplicationScoped
class RuleSetStartup {

    void onStart(@Observes StartupEvent event, RuleEngine engine) {
        try {
            engine.activate(engine.compile());
        } catch (InvalidRuleSetException e) {
            // Logged and exited rather than thrown: a thrown exception is printed with Quarkus' stack trace.
            Log.errorf("Not starting: the rules in %s cannot go live.%n  %s", engine.directory().toAbsolutePath(),
                    String.join("\n  ", e.problems().stream().map(RuleProblem::toString).toList()));
            Quarkus.asyncExit(1);
        }
    }
}
