package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.engine.Evaluation;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** What was decided: the record of one decision, a search through them, a replay on today's rules. */
@ApplicationScoped
public class DecisionHistory {

    private final DecisionRepository records;
    private final ApplicationReader reader;
    private final RuleEngine engine;

    public DecisionHistory(DecisionRepository records, ApplicationReader reader, RuleEngine engine) {
        this.records = records;
        this.reader = reader;
        this.engine = engine;
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return records.find(decisionId);
    }

    /** One page more than asked for when another page follows (the caller trims it). */
    public List<DecisionRecord> search(DecisionSearch search) {
        return records.search(search);
    }

    /** The stored request evaluated on the active ruleset, beside the stored answer; nothing is written. */
    public Optional<Replay> replay(String decisionId) {
        return records.find(decisionId).map(record -> {
            Evaluation now = engine.evaluate(storedApplication(record));
            return Replay.of(record, Verdict.of(now.reasons()), now.rulesetVersion());
        });
    }

    private Application storedApplication(DecisionRecord record) {
        try {
            return reader.read(record.requestBody().getBytes(StandardCharsets.UTF_8));
        } catch (InvalidApplicationException e) {
            throw new StoredRequestInvalidException(record.decisionId(), e.violations());
        }
    }
}
