package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.engine.GuidelineSet;
import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.impact.ImpactService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the rules endpoints can do: read the active ruleset, reload the rules directory, analyse
 * the impact of the active rules or a candidate. The resource validates and maps; this is the one
 * service it calls.
 */
@ApplicationScoped
public class RulesService {

    private final RuleEngine engine;
    private final RuleSetReloader reloader;
    private final ImpactService impact;

    public RulesService(RuleEngine engine, RuleSetReloader reloader, ImpactService impact) {
        this.engine = engine;
        this.reloader = reloader;
        this.impact = impact;
    }

    /** @throws NoActiveRuleSetException before any ruleset has gone live */
    public ActiveRules active() {
        GuidelineSet live = engine.live();
        if (live.isEmpty()) {
            throw new NoActiveRuleSetException();
        }
        return new ActiveRules(
                reloader.directory(),
                live.all().stream()
                        .map(guideline -> new ActiveRules.Version(
                                guideline.guideline(),
                                guideline.ruleSet().version(),
                                guideline.ruleSet().activatedAt(),
                                guideline.ruleSet().rules()))
                        .toList(),
                engine.loadedRuleSets(),
                reloader.recentAttempts());
    }

    /** Reloads the configured rules directory now and waits for the outcome. */
    public ReloadAttempt reload(ReloadTrigger trigger) {
        return reloader.reload(trigger);
    }

    public ImpactReport analyseImpact(
            ReplaySelection selection, Optional<String> candidate, Optional<String> replayOn) {
        return impact.analyse(selection, candidate, replayOn);
    }
}
