package com.healthcyber.underwriting.console;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.audit.ReferralAges;
import com.healthcyber.underwriting.audit.StoreUnavailableException;
import com.healthcyber.underwriting.decision.Book;
import com.healthcyber.underwriting.decision.DecisionHistory;
import com.healthcyber.underwriting.decision.ReferralService;
import com.healthcyber.underwriting.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A picture of the book: outcomes and the most given reason codes per day or per week. The
 * counting is the database's ({@link DecisionHistory#book}); this draws it. And the open
 * referrals by how long they have waited, per required authority, counted by the database too
 * ({@link ReferralService#ages}).
 */
@Path("/console/book")
public class BookPages {

    /** How far back the picture goes, in periods, by default and at most. */
    static final int DEFAULT_DAYS = 28;

    static final int DEFAULT_WEEKS = 12;
    static final int MAX_PERIODS = 106;

    /** The authority levels' colours, lowest first: none of the outcomes' greens and reds, which mean something else. */
    private static final List<String> AGE_SERIES = List.of("series-0", "series-4", "series-5");

    private final DecisionHistory history;
    private final ReferralService referrals;
    private final ConsoleFrame frame;
    private final ConsoleErrors errors;
    private final Template page;
    private final Clock clock = Clock.systemUTC();

    public BookPages(
            DecisionHistory history,
            ReferralService referrals,
            ConsoleFrame frame,
            ConsoleErrors errors,
            @Location("console/book.html") Template page) {
        this.history = history;
        this.referrals = referrals;
        this.frame = frame;
        this.errors = errors;
        this.page = page;
    }

    /** One age band of the open referrals: how many wait in it for each level, lowest first, and in all. */
    public record AgeRow(String band, List<Long> perLevel, long total) {}

    /** "under 1 day", "1–3 days", …, "14 days and more", from the bands' bounds in whole days. */
    static List<String> bandLabels(List<Duration> bounds) {
        List<String> labels = new ArrayList<>();
        labels.add("under " + days(bounds.get(0)));
        for (int i = 1; i < bounds.size(); i++) {
            labels.add(bounds.get(i - 1).toDays() + "–" + days(bounds.get(i)));
        }
        labels.add(days(bounds.get(bounds.size() - 1)) + " and more");
        return labels;
    }

    private static String days(Duration bound) {
        long days = bound.toDays();
        return days + (days == 1 ? " day" : " days");
    }

    /** One row of the table under the charts: a period's numbers in words. */
    public record Row(String period, long decisions, long accept, long refer, long decline) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Roles.DECISIONS_READ)
    public TemplateInstance book(
            @QueryParam("per") String per,
            @QueryParam("periods") String periods,
            @QueryParam("product") String product) {
        FormInput input = new FormInput();
        Book.Per unit = input.choice("Per", per == null ? null : per.toUpperCase(Locale.ROOT), Book.Per.class)
                .orElse(Book.Per.DAY);
        int count =
                input.whole("Periods", periods, unit == Book.Per.DAY ? DEFAULT_DAYS : DEFAULT_WEEKS, 1, MAX_PERIODS);
        Optional<Product> chosen = input.choice("Product", product, Product.class);
        LocalDate end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        LocalDate first = unit == Book.Per.DAY
                ? end.minusDays(count)
                : end.minusWeeks(count).plusDays(1);
        Book book = history.book(unit, first, end, chosen);

        List<String> labels = book.periods().stream()
                .map(p -> p.start().toString().substring(5))
                .toList();
        List<Charts.Series> outcomes = new ArrayList<>();
        for (Outcome outcome : List.of(Outcome.DECLINE, Outcome.REFER, Outcome.ACCEPT)) {
            outcomes.add(new Charts.Series(
                    outcome.name(),
                    "outcome-" + outcome.name().toLowerCase(Locale.ROOT),
                    book.periods().stream()
                            .mapToLong(p -> p.outcomes().get(outcome))
                            .toArray()));
        }
        List<Charts.Series> codes = new ArrayList<>();
        for (int i = 0; i < book.topCodes().size(); i++) {
            String code = book.topCodes().get(i);
            codes.add(new Charts.Series(
                    code,
                    "series-" + i,
                    book.periods().stream().mapToLong(p -> p.code(code)).toArray()));
        }
        List<Row> rows = book.periods().stream()
                .map(p -> new Row(
                        p.start().toString(),
                        p.decisions(),
                        p.outcomes().get(Outcome.ACCEPT),
                        p.outcomes().get(Outcome.REFER),
                        p.outcomes().get(Outcome.DECLINE)))
                .toList();
        ReferralAges ages = referrals.ages(chosen);
        List<String> bands = bandLabels(ages.bounds());
        List<Charts.Series> byAuthority = new ArrayList<>();
        for (AuthorityLevel level : AuthorityLevel.values()) {
            byAuthority.add(new Charts.Series(
                    level.name(),
                    AGE_SERIES.get(level.ordinal()),
                    ages.counts().get(level).stream().mapToLong(Long::longValue).toArray()));
        }
        List<AgeRow> ageRows = new ArrayList<>();
        for (int band = 0; band < bands.size(); band++) {
            int at = band;
            ageRows.add(new AgeRow(
                    bands.get(band),
                    Arrays.stream(AuthorityLevel.values())
                            .map(level -> ages.counts().get(level).get(at))
                            .toList(),
                    ages.inBand(band)));
        }
        return page.data("page", frame.of("book"))
                .data("ageChart", Charts.stacked("Open referrals by how long they have waited", bands, byAuthority))
                .data("ageSeries", byAuthority)
                .data("ageRows", ageRows)
                .data("openReferrals", ages.total())
                .data("agesCountedAt", ages.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .data("levels", AuthorityLevel.values())
                .data("per", unit.name().toLowerCase(Locale.ROOT))
                .data("periods", count)
                .data("product", chosen.map(Enum::name).orElse(""))
                .data("products", Product.values())
                .data("problems", input.problems())
                .data(
                        "outcomeChart",
                        Charts.stacked(
                                "Decisions per " + unit.name().toLowerCase(Locale.ROOT) + " by outcome",
                                labels,
                                outcomes))
                .data(
                        "codeChart",
                        codes.isEmpty()
                                ? null
                                : Charts.lines(
                                        "Most given reason codes per "
                                                + unit.name().toLowerCase(Locale.ROOT),
                                        labels,
                                        codes))
                .data("codes", codes)
                .data("rows", rows);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo page) {
        return errors.forbidden("book", page);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return errors.storeUnavailable("book");
    }
}
