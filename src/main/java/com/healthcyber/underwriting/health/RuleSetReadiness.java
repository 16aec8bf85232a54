package com.healthcyber.underwriting.health;

import com.healthcyber.underwriting.engine.GuidelineSet;
import com.healthcyber.underwriting.engine.RuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
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
        GuidelineSet live = engine.live();
        if (live.isEmpty()) {
            return HealthCheckResponse.named("ruleset")
                    .down()
                    .withData("reason", "no valid ruleset has been activated yet")
                    .build();
        }
        HealthCheckResponseBuilder up = HealthCheckResponse.named("ruleset").up();
        // One entry per guideline version: "v1" -> its fingerprint.
        live.all()
                .forEach(guideline ->
                        up.withData(guideline.version(), guideline.ruleSet().version()));
        return up.build();
    }
}
