package com.healthcyber.underwriting.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.engine.GuidelineSet;
import com.healthcyber.underwriting.engine.NoActiveRuleSetException;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.impact.ImpactReport;
import com.healthcyber.underwriting.impact.ImpactService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
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

    private final ScenarioLoader scenarios;
    private final GuidelineFolders folders;

    public RulesService(RuleEngine engine, RuleSetReloader reloader, ImpactService impact, ObjectMapper mapper) {
        this.engine = engine;
        this.reloader = reloader;
        this.impact = impact;
        this.scenarios = new ScenarioLoader(mapper);
        this.folders = new GuidelineFolders(mapper);
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

    /**
     * The worked examples in the rules directory as it is now, each with its result in the
     * latest reload attempt that ran them. An attempt that ran the scenarios either passed them
     * all (accepted, or unchanged) or lists the failures; one refused at compilation or lint ran none.
     */
    public List<ScenarioStatus> scenarios() {
        List<ReloadAttempt> attempts = reloader.recentAttempts();
        ReloadAttempt latest = attempts.isEmpty() ? null : attempts.get(0);
        boolean ran = latest != null
                && (!latest.rejected() || !latest.failedScenarios().isEmpty());
        Map<String, FailedScenario> failed = new HashMap<>();
        if (latest != null) {
            latest.failedScenarios().forEach(failure -> failed.put(failure.file() + "\n" + failure.name(), failure));
        }
        return everyVersionsScenarios().stream()
                .map(scenario -> {
                    FailedScenario failure = failed.get(scenario.file() + "\n" + scenario.name());
                    ScenarioStatus.Result result = failure != null
                            ? ScenarioStatus.Result.FAILED
                            : ran ? ScenarioStatus.Result.PASSED : ScenarioStatus.Result.NOT_RUN;
                    return new ScenarioStatus(
                            scenario.file(),
                            scenario.name(),
                            scenario.expect().outcome(),
                            scenario.expect().reasons(),
                            result,
                            failure == null ? null : failureText(failure));
                })
                .toList();
    }

    /** Each version's scenarios, their files named from the rules directory as reload reports name them. */
    private List<Scenario> everyVersionsScenarios() {
        List<Scenario> all = new java.util.ArrayList<>();
        try {
            for (GuidelineFolders.Folder folder : folders.list(reloader.directory())) {
                scenarios
                        .load(folder.directory())
                        .scenarios()
                        .forEach(scenario -> all.add(new Scenario(
                                folder.name(scenario.file()),
                                scenario.name(),
                                scenario.application(),
                                scenario.expect())));
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        return all;
    }

    private static String failureText(FailedScenario failure) {
        return failure.failure() != null
                ? failure.failure()
                : "expected " + failure.expectedOutcome() + " " + failure.expectedReasons() + ", got "
                        + failure.actualOutcome() + " " + failure.actualReasons();
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
