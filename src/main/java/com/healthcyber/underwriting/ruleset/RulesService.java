package com.healthcyber.underwriting.ruleset;

import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.engine.GuidelineSet;
import com.healthcyber.underwriting.engine.LiveGuideline;
import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.impact.ImpactService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
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

    /** The guideline versions deciding now, by name; none before any ruleset has gone live. */
    public List<String> versions() {
        return engine.live().all().stream().map(LiveGuideline::version).sorted().toList();
    }

    /** Reloads the configured rules directory now and waits for the outcome. */
    public ReloadAttempt reload(ReloadTrigger trigger) {
        return reloader.reload(trigger);
    }

    /**
     * The worked examples of each live guideline version, as the gate that put its rules live ran
     * them (at start-up or the reload that accepted them), by version then file. Read from memory:
     * what the rules deciding now were proven on, whatever the directory holds since.
     */
    public List<ScenarioStatus> scenarios() {
        return reloader.liveScenarios().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(version -> version.getValue().stream())
                .toList();
    }

    /** The candidate rules directories impact analysis can be run on, by name. */
    public List<String> candidates() {
        return impact.candidates();
    }

    public ImpactReport analyseImpact(
            ReplaySelection selection, Optional<String> candidate, Optional<String> replayOn) {
        return impact.analyse(selection, candidate, replayOn);
    }
}
