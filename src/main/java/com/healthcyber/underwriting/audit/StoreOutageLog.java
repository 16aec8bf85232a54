package com.healthcyber.underwriting.audit;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.logging.LogText;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The log of a decision store outage, aggregated: the first refused request is logged at once
 * (WARN, with the cause), later refusals are counted and summarised at most once per interval,
 * and the first success afterwards logs the recovery with the total. During an outage the
 * service refuses thousands of requests per second; one line each would bury every other line.
 */
@Singleton
public class StoreOutageLog {

    private final long intervalNanos;
    private final Duration interval;
    private final LongSupplier clock;

    /** Read without the lock on every success, so that a healthy store costs one volatile read. */
    private volatile boolean down;

    private long since;
    private long lastLine;
    private long refusedSinceLine;
    private long refusedInAll;

    @Inject
    public StoreOutageLog(UnderwritingConfig config) {
        this(config.store().outageLogInterval(), System::nanoTime);
    }

    StoreOutageLog(Duration interval, LongSupplier clock) {
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /** A request was refused with 503 because of the store. */
    public void refused(StoreUnavailableException e) {
        long now = clock.getAsLong();
        synchronized (this) {
            refusedInAll++;
            if (!down) {
                down = true;
                since = now;
                lastLine = now;
                refusedSinceLine = 0;
                Log.warnf(
                        "decision store unavailable, requests are refused with 503: %s; further refusals are counted "
                                + "and summarised at most every %s",
                        describe(e), interval);
                return;
            }
            refusedSinceLine++;
            if (now - lastLine >= intervalNanos) {
                Log.warnf(
                        "decision store still unavailable after %d s: %d request(s) refused since the last line, %d in all; latest: %s",
                        seconds(now - since), refusedSinceLine, refusedInAll, describe(e));
                lastLine = now;
                refusedSinceLine = 0;
            }
        }
    }

    /** The store answered; logs the recovery if it had been refusing. */
    public void answered() {
        if (!down) {
            return;
        }
        long now = clock.getAsLong();
        synchronized (this) {
            if (!down) {
                return;
            }
            down = false;
            Log.infof(
                    "decision store available again after %d s; %d request(s) were refused with 503 while it was not",
                    seconds(now - since), refusedInAll);
            refusedInAll = 0;
        }
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }

    /** The exception's own words and its cause's: a driver or timeout message, never application data. */
    private static String describe(StoreUnavailableException e) {
        // A driver's message may quote a value of the request (H2 quotes the one a column refused).
        return e.getMessage()
                + (e.getCause() == null || e.getCause().getMessage() == null
                        ? ""
                        : " (" + LogText.escape(e.getCause().getMessage()) + ")");
    }
}
