package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.config.UnderwritingConfig;
import com.healthcyber.underwriting.decision.Book;
import com.healthcyber.underwriting.decision.DecisionHistory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Counts the settled days of the book's default pictures once, in the background, right after
 * start: the first look at a long history would otherwise pay for them (seconds at a million
 * decisions, docs/benchmarks.md). A store that does not answer yet is no reason to fail the
 * start: the days are then counted at the first look.
 */
@ApplicationScoped
public class BookCountAhead {

    private final DecisionHistory history;
    private final UnderwritingConfig config;

    public BookCountAhead(DecisionHistory history, UnderwritingConfig config) {
        this.history = history;
        this.config = config;
    }

    void countAhead(@Observes StartupEvent started) {
        if (!config.serve()) {
            return;
        }
        Thread counting = new Thread(this::count, "book-count-ahead");
        counting.setDaemon(true);
        counting.start();
    }

    private void count() {
        try {
            LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(1);
            history.book(Book.Per.WEEK, end.minusWeeks(BookPages.DEFAULT_WEEKS).plusDays(1), end, Optional.empty());
            history.book(Book.Per.DAY, end.minusDays(BookPages.DEFAULT_DAYS), end, Optional.empty());
        } catch (RuntimeException e) {
            // counted at the first look instead
        }
    }
}
