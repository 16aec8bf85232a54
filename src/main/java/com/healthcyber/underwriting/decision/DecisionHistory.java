package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.Application;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.engine.Evaluation;
import com.healthcyber.underwriting.engine.RuleEngine;
import com.healthcyber.underwriting.intake.ApplicationReader;
import com.healthcyber.underwriting.intake.InvalidApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What was decided: the record of one decision, a search through them, a replay on today's rules. */
@ApplicationScoped
public class DecisionHistory {

    private final DecisionRepository records;
    private final ApplicationReader reader;
    private final RuleEngine engine;
    private final SettledDays settledDays;

    public DecisionHistory(DecisionRepository records, ApplicationReader reader, RuleEngine engine) {
        this.records = records;
        this.reader = reader;
        this.engine = engine;
        this.settledDays = new SettledDays(records, Clock.systemUTC());
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return records.find(decisionId);
    }

    /** One page of a search: the decisions as they were given, and where the next page starts if there is one. */
    public record Page(List<Decision> items, Optional<DecisionSearch.Position> next) {}

    public Page search(DecisionSearch search) {
        // One more than the page holds tells whether another page follows.
        List<Decision> found = records.search(search.withLimit(search.limit() + 1)).stream()
                .map(DecisionRecord::decision)
                .toList();
        if (found.size() <= search.limit()) {
            return new Page(found, Optional.empty());
        }
        List<Decision> items = found.subList(0, search.limit());
        Decision last = items.get(items.size() - 1);
        return new Page(items, Optional.of(new DecisionSearch.Position(last.decidedAt(), last.decisionId())));
    }

    /** The decisions of {@code [first, end)} (UTC days) per day or week, by outcome and reason code. */
    public Book book(Book.Per per, LocalDate first, LocalDate end, Optional<Product> product) {
        LocalDate from = per.start(first);
        return Book.of(per, from, end, settledDays.counts(from, end, product));
    }

    /**
     * The stored request evaluated on the live rules of the version in force for its own effective
     * date and transaction type, beside the stored answer; nothing is written.
     */
    public Optional<Replay> replay(String decisionId) {
        return records.find(decisionId).map(record -> {
            Evaluation now = engine.evaluate(storedApplication(record));
            return Replay.of(record, Verdict.of(now.findings()), now.guidelineVersion(), now.rulesetVersion());
        });
    }

    private Application storedApplication(DecisionRecord record) {
        try {
            return reader.read(record.requestBody());
        } catch (InvalidApplicationException e) {
            throw new StoredRequestInvalidException(record.decisionId(), e.violations());
        }
    }
}
