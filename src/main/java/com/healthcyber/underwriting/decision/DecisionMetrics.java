package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import com.healthcyber.underwriting.application.ReasonOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What operators graph about decisions. Labels are bounded sets only (product, outcome, reason
 * code): never an application or decision id. Meters are looked up once per label set and kept,
 * because a registry lookup per decision costs more than the counting.
 */
@ApplicationScoped
public class DecisionMetrics {

    private final MeterRegistry registry;
    /** By guideline version, product and outcome; versions are only known once their rules are live. */
    private final Map<String, Map<Product, Map<Outcome, Counter>>> decisions = new ConcurrentHashMap<>();

    private final Map<Product, Timer> engineTime = new EnumMap<>(Product.class);
    private final Map<Product, Timer> totalTime = new EnumMap<>(Product.class);
    private final Map<String, Counter> reasons = new ConcurrentHashMap<>();

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Product product : Product.values()) {
            engineTime.put(
                    product,
                    timer("underwriting.decision.engine", "Time in the rules engine for one decision", product));
            totalTime.put(
                    product,
                    timer(
                            "underwriting.decision.total",
                            "Time to decide a valid application, rules and recording included",
                            product));
        }
    }

    void record(Decision decision, long engineNanos, long totalNanos) {
        decisions
                .computeIfAbsent(decision.guidelineVersion(), this::counters)
                .get(decision.product())
                .get(decision.outcome())
                .increment();
        for (Reason reason : decision.reasons()) {
            reasons.computeIfAbsent(
                            reason.code() + '\u0000' + reason.outcome(),
                            key -> reasonCounter(reason.code(), reason.outcome()))
                    .increment();
        }
        engineTime.get(decision.product()).record(engineNanos, TimeUnit.NANOSECONDS);
        totalTime.get(decision.product()).record(totalNanos, TimeUnit.NANOSECONDS);
    }

    /** Every product and outcome of one version at once, so a dashboard sees zeros rather than gaps. */
    private Map<Product, Map<Outcome, Counter>> counters(String guidelineVersion) {
        Map<Product, Map<Outcome, Counter>> byProduct = new EnumMap<>(Product.class);
        for (Product product : Product.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("underwriting.decisions")
                                .description("Decisions made, by guideline version, product and outcome")
                                .tags(
                                        "guideline",
                                        guidelineVersion,
                                        "product",
                                        product.name(),
                                        "outcome",
                                        outcome.name())
                                .register(registry));
            }
            byProduct.put(product, byOutcome);
        }
        return byProduct;
    }

    private Counter reasonCounter(String code, ReasonOutcome outcome) {
        return Counter.builder("underwriting.decision.reasons")
                .description("Reasons given, by code and reason outcome")
                .tags("code", code, "outcome", outcome.name())
                .register(registry);
    }

    private Timer timer(String name, String description, Product product) {
        return Timer.builder(name)
                .description(description)
                .tags("product", product.name())
                .publishPercentileHistogram()
                .register(registry);
    }
}
