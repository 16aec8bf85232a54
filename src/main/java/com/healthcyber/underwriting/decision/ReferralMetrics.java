package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.ResolutionAction;
import com.healthcyber.underwriting.audit.ReferralRepository;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators graph about the referral desk: how many referrals wait, by the authority they
 * need (a gauge); resolutions by action; how long a referral waited for its resolution (a
 * histogram). Labels are bounded sets only.
 *
 * <p>The open count is the store's, not this replica's, so every replica reports the same
 * figure (aggregate with max, not sum). It is read in the background every
 * {@code underwriting.referrals.open-count-interval}, not per scrape: counting a large queue is
 * an index scan that a scrape of every replica every few seconds would repeat for a figure that
 * moves slowly. When the store cannot be read, the last count stays.
 */
@Startup
@ApplicationScoped
public class ReferralMetrics {

    private final ReferralRepository referrals;
    private final Map<AuthorityLevel, AtomicLong> open = new EnumMap<>(AuthorityLevel.class);
    private final Map<ResolutionAction, Map<AuthorityLevel, Counter>> resolutions =
            new EnumMap<>(ResolutionAction.class);
    private final Map<AuthorityLevel, Timer> waited = new EnumMap<>(AuthorityLevel.class);
    private final ScheduledExecutorService counting = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "open-referral-count");
        thread.setDaemon(true);
        return thread;
    });

    public ReferralMetrics(MeterRegistry registry, ReferralRepository referrals, UnderwritingConfig config) {
        this.referrals = referrals;
        for (AuthorityLevel level : AuthorityLevel.values()) {
            AtomicLong count = new AtomicLong();
            open.put(level, count);
            Gauge.builder("underwriting.referrals.open", count, AtomicLong::get)
                    .description("Referrals waiting for a person, by the authority they need (the store's count)")
                    .tag("required_authority", level.name())
                    .register(registry);
            waited.put(
                    level,
                    Timer.builder("underwriting.referral.wait")
                            .description("Time from a referred decision to its resolution")
                            .tag("required_authority", level.name())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofSeconds(1))
                            .maximumExpectedValue(Duration.ofDays(90))
                            .register(registry));
        }
        for (ResolutionAction action : ResolutionAction.values()) {
            Map<AuthorityLevel, Counter> byLevel = new EnumMap<>(AuthorityLevel.class);
            for (AuthorityLevel level : AuthorityLevel.values()) {
                byLevel.put(
                        level,
                        Counter.builder("underwriting.referral.resolutions")
                                .description("Referrals resolved, by action and the authority they needed")
                                .tags("action", action.name(), "required_authority", level.name())
                                .register(registry));
            }
            resolutions.put(action, byLevel);
        }
        if (!config.serve()) {
            return;
        }
        long every = config.referrals().openCountInterval().toMillis();
        counting.scheduleWithFixedDelay(this::countOpen, 0, every, TimeUnit.MILLISECONDS);
    }

    void resolved(ResolutionAction action, AuthorityLevel required, Duration waitedFor) {
        resolutions.get(action).get(required).increment();
        waited.get(required).record(waitedFor);
    }

    /** Never throws: an exception would end the schedule, and the gauge would stop for good. */
    void countOpen() {
        try {
            referrals
                    .openByAuthority()
                    .forEach((level, count) -> open.get(level).set(count));
        } catch (StoreUnavailableException e) {
            Log.debugf("open referrals not counted: %s", e.getMessage());
        } catch (RuntimeException e) {
            Log.warn("open referrals not counted", e);
        }
    }

    @PreDestroy
    void stop() {
        counting.shutdownNow();
    }
}
