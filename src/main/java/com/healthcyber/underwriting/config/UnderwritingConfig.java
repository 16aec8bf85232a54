package com.healthcyber.underwriting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every setting of the service; each key also reads from its environment variable (UNDERWRITING_RULES_DIR …). */
@ConfigMapping(prefix = "underwriting")
public interface UnderwritingConfig {

    /**
     * Whether this start is the service's: it puts the rules live, watches them and counts the
     * store in the background. Off in the {@code tool} profile, which tools/UnderwritingMain
     * selects for a command: a command builds the beans it uses and exits, and must not compile the
     * live rules nor touch the store it does not read.
     */
    @WithDefault("true")
    boolean serve();

    Rules rules();

    Data data();

    Store store();

    Impact impact();

    TokenCache tokenCache();

    Http http();

    Referrals referrals();

    interface Referrals {
        /**
         * How often the count of open referrals by required authority (a gauge) is read from the
         * store. A scrape reads the last count: a count over a hundred thousand open referrals per
         * scrape, per replica, would load the store for a figure that moves slowly.
         */
        @WithDefault("15s")
        Duration openCountInterval();
    }

    Console console();

    /**
     * The underwriters' console (/console). Without an identity provider its users sign in with
     * a name and password: the users below, and an administrator made on first start.
     */
    interface Console {
        /**
         * Local users by name: {@code underwriting.console.users.<name>.password-hash} (bcrypt,
         * e.g. from {@code BcryptUtil.bcryptHash}), {@code .roles} (the API's roles) and
         * {@code .authority} (an underwriting authority level, for referrals).
         */
        Map<String, LocalUser> users();

        /**
         * Make the user {@code admin} on first start, its random password written once to
         * {@code <data dir>/console/admin-password} (owner-only, never logged). Not made when a
         * configured user has that name, nor when the console signs in through an identity provider.
         */
        @WithDefault("true")
        boolean createAdmin();

        /**
         * How the console signs people in: {@code form} (the local users) or {@code code} (the
         * OIDC authorization code flow of the configured identity provider).
         */
        @WithDefault("form")
        String signIn();

        interface LocalUser {
            String passwordHash();

            List<String> roles();

            Optional<String> authority();
        }
    }

    interface Http {
        /**
         * How long a request's body may take to arrive, in all. The idle timeout restarts with
         * every byte, so without this a client trickling a byte a minute held its connection for
         * days; past it the request gets 408 and its connection is closed.
         */
        @WithDefault("30s")
        Duration bodyTimeout();
    }

    interface Data {
        /**
         * Where the service keeps its own files: the embedded decision store, and the local
         * signing key of a run without an identity provider.
         */
        @WithDefault("data")
        Path dir();
    }

    /**
     * Where decisions are recorded. Without a URL, the embedded store under the data directory;
     * with one, that PostgreSQL database (see {@code audit.DecisionStoreSelection}).
     */
    interface Store {
        /** JDBC URL of the PostgreSQL database, e.g. jdbc:postgresql://db:5432/underwriting. */
        Optional<String> url();

        Optional<String> username();

        Optional<String> password();

        /**
         * How long a request waits for its record to be committed before it answers 503. The
         * record may still commit afterwards; a retry with the same Idempotency-Key then finds it.
         */
        @WithDefault("5s")
        Duration writeTimeout();

        /** Decisions committed together in one transaction, at most. */
        @WithDefault("256")
        int maxBatch();

        /** Decisions waiting for the writer, at most; beyond it requests get 503 at once. */
        @WithDefault("10000")
        int queueCapacity();

        /**
         * During a store outage the first refused request is logged at once, then at most one
         * summary line (with the count) per interval, and one line when the store answers again:
         * a line per refusal would be thousands per second and hide everything else.
         */
        @WithDefault("10s")
        Duration outageLogInterval();
    }

    /**
     * Bearer tokens already verified, so that a platform's token, reused for an hour, costs its
     * RS256 signature check once (security/VerifiedTokens).
     */
    interface TokenCache {
        /** Off, every request's token is verified afresh (the benchmark compares both). */
        @WithDefault("true")
        boolean enabled();

        /** Tokens kept at most; the least used go first. */
        @WithDefault("10000")
        int maxSize();

        /**
         * How long a verified token is trusted without a new check, at most; never past its
         * {@code exp}. Bounds how long a key withdrawn from a JWKS is still honoured for a token
         * verified with it before the withdrawal.
         */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface Impact {
        /**
         * Candidate rules directories for impact analysis over the API live here, one
         * sub-directory per candidate; requests name the sub-directory, never a path.
         */
        @WithDefault("rules-candidates")
        Path candidatesDir();

        /** The default of {@link #maxDecisions()}, also the bound the OpenAPI document publishes. */
        String DEFAULT_MAX_DECISIONS = "100000";

        /** Stored decisions one impact analysis replays, at most. */
        @WithDefault(DEFAULT_MAX_DECISIONS)
        int maxDecisions();
    }

    interface Rules {
        /** The DRL directory, relative to the working directory unless absolute. */
        @WithDefault("rules")
        Path dir();

        /**
         * Sessions created with each ruleset; more are created when all are in use and pooled on
         * return, so the pool settles at the number of concurrent evaluations. Keep it small:
         * Drools hands pooled sessions out first-in first-out, so every extra session makes each
         * evaluation start from one that has been idle longer, colder in the CPU's caches.
         */
        @WithDefault("1")
        int sessionPoolSize();

        /**
         * Serve decisions from Drools' executable model instead of classic DRL (rules are always
         * checked with classic DRL). Measured no cheaper per decision than classic DRL once
         * thresholds are indexable, and it keeps memory per reload: see docs/benchmarks.md.
         */
        @WithDefault("false")
        boolean executableModel();

        /** Reload when a file under the rules directory changes. */
        @WithDefault("true")
        boolean watch();

        /** Quiet period after the last change before reloading: an editor's save is several events. */
        @WithDefault("500ms")
        Duration watchDebounce();

        /**
         * Reload attempts kept for {@code GET /rules}, newest first. More than one, so that a
         * rejected edit reverted a moment later is still visible; bounded, so that memory does
         * not grow with reloads.
         */
        @WithDefault("20")
        int reloadHistory();
    }
}
