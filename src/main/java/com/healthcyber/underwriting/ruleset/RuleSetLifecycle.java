package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;

/**
 * Puts the rules live at start-up and keeps watching them. A ruleset that fails the gate at
 * start-up stops the service with a report an underwriter can act on (file, line, rule,
 * scenario) instead of a stack trace: deciding on rules nobody verified is worse than not
 * starting. Later failures only reject the candidate: the running ruleset keeps deciding.
 */
@ApplicationScoped
class RuleSetLifecycle {

    private final RuleSetReloader reloader;
    private final UnderwritingConfig config;
    private RulesDirectoryWatcher watcher;

    RuleSetLifecycle(RuleSetReloader reloader, UnderwritingConfig config) {
        this.reloader = reloader;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.serve()) {
            return;
        }
        ReloadAttempt attempt = reloader.reload(ReloadTrigger.STARTUP);
        if (attempt.rejected()) {
            // Logged and exited rather than thrown: a thrown exception is printed with Quarkus' stack trace.
            Log.errorf(
                    "Not starting: the rules in %s cannot go live.%s",
                    reloader.directory().toAbsolutePath(), attempt.report());
            Quarkus.asyncExit(1);
            return;
        }
        if (config.rules().watch()) {
            try {
                watcher = new RulesDirectoryWatcher(
                        reloader.directory(),
                        config.rules().watchDebounce(),
                        () -> reloader.reloadInBackground(ReloadTrigger.WATCH));
            } catch (IOException e) {
                Log.errorf(
                        e,
                        "cannot watch %s; reload with POST /rules/reload",
                        reloader.directory().toAbsolutePath());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
