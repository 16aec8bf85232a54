package com.healthcyber.underwriting.ruleset;

import java.util.concurrent.ThreadFactory;

/** Background threads of the rules machinery: named for thread dumps, never keeping the JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {}

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
