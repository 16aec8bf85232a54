package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.ReferralAges;
import com.healthcyber.underwriting.audit.ReferralRepository;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open referrals by age, as the book draws them. Counting them is a scan of the whole queue
 * (a quarter of a second at 700,000 open, docs/benchmarks.md), so a look reuses a count at most
 * two {@code underwriting.referrals.open-count-interval}s old, and while someone has looked in
 * the last ten minutes each count is taken again ahead, in the background, every interval: the
 * page does not pay for it, and nobody's count is taken while nobody looks. Each count says when
 * it was taken ({@link ReferralAges#asOf()}), and the page shows it.
 */
@ApplicationScoped
public class ReferralAgeCounts {

    static final Duration WATCHED_FOR = Duration.ofMinutes(10);

    private final ReferralRepository referrals;
    private final Duration interval;
    private final Map<Optional<Product>, ReferralAges> latest = new ConcurrentHashMap<>();
    private final Map<Optional<Product>, Instant> lastAsked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService counting = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "referral-age-count");
        thread.setDaemon(true);
        return thread;
    });

    public ReferralAgeCounts(ReferralRepository referrals, UnderwritingConfig config) {
        this.referrals = referrals;
        this.interval = config.referrals().openCountInterval();
        if (config.serve()) {
            long every = interval.toMillis();
            counting.scheduleWithFixedDelay(this::countAhead, every, every, TimeUnit.MILLISECONDS);
        }
    }

    ReferralAges ages(Optional<Product> product) {
        Instant now = Instant.now();
        lastAsked.put(product, now);
        ReferralAges last = latest.get(product);
        if (last != null && !last.asOf().plus(interval.multipliedBy(2)).isBefore(now)) {
            return last;
        }
        return count(product, now);
    }

    private ReferralAges count(Optional<Product> product, Instant now) {
        ReferralAges ages = referrals.openByAge(now, ReferralService.AGE_BOUNDS, product);
        latest.put(product, ages);
        return ages;
    }

    /** Never throws: an exception would end the schedule; a look then counts for itself. */
    void countAhead() {
        Instant now = Instant.now();
        lastAsked.forEach((product, asked) -> {
            if (asked.plus(WATCHED_FOR).isAfter(now)) {
                try {
                    count(product, now);
                } catch (RuntimeException e) {
                    Log.debugf("referral ages not counted ahead: %s", e.getMessage());
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        counting.shutdownNow();
    }
}
