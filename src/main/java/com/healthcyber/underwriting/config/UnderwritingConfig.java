package com.healthcyber.underwriting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Every setting of the service; each key also reads from its environment variable (UNDERWRITING_RULES_DIR …). */
@ConfigMapping(prefix = "underwriting")
public interface UnderwritingConfig {

    Rules rules();

    Data data();

    interface Data {
        /** Where the service keeps its own files: the local signing key of a run without an identity provider. */
        @WithDefault("data")
        Path dir();
    }

    interface Rules {
        /** The DRL directory, relative to the working directory unless absolute. */
        @WithDefault("rules")
        Path dir();

        /** Sessions kept ready per ruleset; more are created under load and pooled on return. */
        @WithDefault("16")
        int sessionPoolSize();

        /**
         * Serve decisions from Drools' executable model instead of classic DRL (rules are always
         * checked with classic DRL). Cheaper per decision for large rulesets; see
         * docs/benchmarks.md for its memory per reload.
         */
        @WithDefault("false")
        boolean executableModel();

        /** Reload when a file under the rules directory changes. */
        @WithDefault("true")
        boolean watch();

        /** Quiet period after the last change before reloading: an editor's save is several events. */
        @WithDefault("500ms")
        Duration watchDebounce();
    }
}
