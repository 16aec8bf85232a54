package com.healthcyber.underwriting.health;

import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.engine.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a valid ruleset decides. A rejected reload does not make the service unready: the
 * previous ruleset keeps deciding.
 */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {

    private final RuleEngine engine;

    public RuleSetReadiness(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<RuleSet> active = engine.active();
        return active.map(ruleSet -> HealthCheckResponse.named("ruleset")
                        .up()
                        .withData("version", ruleSet.version())
                        .withData("activatedAt", String.valueOf(ruleSet.activatedAt()))
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset")
                        .down()
                        .withData("reason", "no valid ruleset has been activated yet")
                        .build());
    }
}
