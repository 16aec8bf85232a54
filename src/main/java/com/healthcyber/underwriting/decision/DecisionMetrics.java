package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * What operators graph about decisions. Labels are bounded sets only (product, outcome, reason
 * code): never an application or decision id.
 */
@ApplicationScoped
public class DecisionMetrics {

    private final MeterRegistry registry;

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Decision decision, long engineNanos, long totalNanos) {
        Counter.builder("underwriting.decisions")
                .description("Decisions made, by product and outcome")
                .tags("product", decision.product().name(), "outcome", decision.outcome().name())
                .register(registry).increment();
        for (Reason reason : decision.reasons()) {
            Counter.builder("underwriting.decision.reasons")
                    .description("Reasons given, by code and reason outcome")
                    .tags("code", reason.code(), "outcome", reason.outcome().name())
                    .register(registry).increment();
        }
        timer("underwriting.decision.engine", "Time in the rules engine for one decision", decision.product())
                .record(Duration.ofNanos(engineNanos));
        timer("underwriting.decision.total", "Time to decide a valid application, rules and recording included", decision.product())
                .record(Duration.ofNanos(totalNanos));
    }

    private Timer timer(String name, String description, Product product) {
        return Timer.builder(name).description(description).tags("product", product.name())
                .publishPercentileHistogram()
                .register(registry);
    }
}
