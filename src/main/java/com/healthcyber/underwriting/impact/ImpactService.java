package com.healthcyber.underwriting.impact;

import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.ReplaySelection;
import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.engine.InvalidRuleSetException;
import com.healthcyber.underwriting.engine.LiveGuideline;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.engine.RuleSet;
import com.healthcyber.underwriting.engine.RuleSetLoader;
import com.healthcyber.underwriting.intake.ApplicationReader;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Impact analysis for rule owners: the stored decisions replayed on the live rules, on one live
 * guideline version, or on a candidate directory that has not gone live. Candidates are named, never given as paths: they
 * are sub-directories of {@code underwriting.impact.candidates-dir}, compiled with the configured
 * engine, as a reload would compile them.
 */
@ApplicationScoped
public class ImpactService {

    private static final Pattern CANDIDATE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ImpactAnalysis analysis;
    private final RuleEngine engine;
    private final RuleSetLoader loader;
    private final Path candidatesDir;

    public ImpactService(
            DecisionRepository records,
            ApplicationReader reader,
            RuleEngine engine,
            RuleSetLoader loader,
            UnderwritingConfig config) {
        this.analysis = new ImpactAnalysis(records, reader);
        this.engine = engine;
        this.loader = loader;
        this.candidatesDir = config.impact().candidatesDir();
    }

    /** The sub-directories of the candidates directory that a request may name, sorted. */
    public List<String> candidates() {
        if (!Files.isDirectory(candidatesDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(candidatesDir)) {
            return entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> CANDIDATE_NAME.matcher(name).matches() && !name.contains(".."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Replays the selection on a candidate, on one live version ({@code replayOn}: "these
     * decisions, decided again by v2"), or, with neither, each decision on the live version in
     * force for its own effective date and transaction type.
     */
    public ImpactReport analyse(ReplaySelection selection, Optional<String> candidate, Optional<String> replayOn) {
        ImpactReport report;
        if (candidate.isPresent()) {
            report = onCandidate(selection, candidate.get());
        } else if (replayOn.isPresent()) {
            report = engine.withLiveGuidelines(live -> {
                LiveGuideline version = live.named(replayOn.get())
                        .orElseThrow(() -> new UnknownGuidelineVersionException(
                                replayOn.get(),
                                live.all().stream().map(LiveGuideline::version).toList()));
                return analysis.run(selection, version, "guideline " + version.version());
            });
        } else {
            report = engine.withLiveGuidelines(live -> analysis.run(selection, live::deciding, "active"));
        }
        Log.infof(
                "impact analysis on %s (%s): %d replayed, %d changed, %d not replayable, in %d ms",
                report.rules(),
                report.replayedOn(),
                report.replayed(),
                report.changed(),
                report.notReplayable(),
                report.durationMillis());
        return report;
    }

    private ImpactReport onCandidate(ReplaySelection selection, String name) {
        Path directory = candidatesDir.resolve(name).normalize();
        if (!CANDIDATE_NAME.matcher(name).matches() || name.contains("..") || !Files.isDirectory(directory)) {
            throw new CandidateNotFoundException(name);
        }
        RuleSet candidate;
        try {
            candidate = loader.load(directory);
        } catch (IOException e) {
            throw new CandidateNotFoundException(name);
        } catch (InvalidRuleSetException e) {
            throw new CandidateRulesInvalidException(name, e.problems());
        }
        try {
            // A candidate is replayed on every selected decision; its windows do not matter here.
            return analysis.run(selection, candidate, "candidate " + name);
        } finally {
            candidate.retire();
        }
    }
}
