package com.healthcyber.underwriting.decision;

import com.healthcyber.underwriting.application.AuthorityLevel;
import com.healthcyber.underwriting.application.Decision;
import com.healthcyber.underwriting.application.Outcome;
import com.healthcyber.underwriting.application.Product;
import com.healthcyber.underwriting.application.Resolution;
import com.healthcyber.underwriting.application.ResolutionRequest;
import com.healthcyber.underwriting.audit.DecisionRecord;
import com.healthcyber.underwriting.audit.DecisionRepository;
import com.healthcyber.underwriting.audit.DecisionSearch;
import com.healthcyber.underwriting.audit.ReferralAges;
import com.healthcyber.underwriting.audit.ReferralRecord;
import com.healthcyber.underwriting.audit.ReferralRepository;
import com.healthcyber.underwriting.audit.ReferralSearch;
import com.healthcyber.underwriting.audit.ResolutionRecord;
import com.healthcyber.underwriting.intake.InvalidResolutionException;
import com.healthcyber.underwriting.intake.ResolutionReader;
import com.healthcyber.underwriting.logging.LogText;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The referral desk: who may resolve a referral, the resolution put on record before anyone is
 * told, and the queue of referrals still waiting. The automated decision is never changed; its
 * resolution is kept beside it, once.
 */
@ApplicationScoped
public class ReferralService {

    private final DecisionRepository decisions;
    private final ReferralRepository referrals;
    private final ReferralMetrics metrics;
    private final ResolutionReader reader;
    private final ReferralAgeCounts ages;

    public ReferralService(
            DecisionRepository decisions,
            ReferralRepository referrals,
            ReferralMetrics metrics,
            ResolutionReader reader,
            ReferralAgeCounts ages) {
        this.decisions = decisions;
        this.referrals = referrals;
        this.metrics = metrics;
        this.reader = reader;
        this.ages = ages;
    }

    /**
     * Resolves a referral, or refuses: an {@link InvalidResolutionException} naming every bad
     * field (400); empty when no decision has the id; a
     * {@link ResolutionRefusedException} when the token holds no level or too low a one (403),
     * or the decision is not an open referral (409); an {@link IdempotencyConflictException}
     * when the resolver used the key for another resolution (422). A retry under the key of a
     * resolution on record gets that resolution, whatever happened since.
     */
    public Optional<Resolved> resolve(ResolutionCommand command) {
        // A token without a level can resolve nothing: refused before anything is read.
        AuthorityLevel held = command.authorityClaim()
                .flatMap(AuthorityLevel::named)
                .orElseThrow(ResolutionRefusedException::noAuthority);
        ResolutionRequest request = reader.read(command.body());
        Optional<DecisionRecord> found = decisions.find(command.decisionId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Decision decision = found.get().decision();
        if (decision.outcome() != Outcome.REFER) {
            throw ResolutionRefusedException.notAReferral(
                    decision.decisionId(), decision.outcome().name());
        }
        if (decision.requiredAuthority() == null) {
            throw ResolutionRefusedException.referredBeforeAuthority(decision.decisionId());
        }
        Optional<ResolutionRecord> earlier =
                command.idempotencyKey().flatMap(key -> referrals.resolutionUnderKey(command.resolvedBy(), key));
        if (earlier.isPresent()) {
            return Optional.of(repeat(earlier.get(), command.decisionId(), request));
        }
        if (!held.covers(decision.requiredAuthority())) {
            throw ResolutionRefusedException.insufficientAuthority(
                    decision.decisionId(), decision.requiredAuthority(), held);
        }
        Resolution resolution = new Resolution(
                request.action(),
                request.action().finalOutcome(),
                request.rationale(),
                request.subjectivities(),
                command.resolvedBy(),
                held,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ResolutionRecord record = new ResolutionRecord(
                decision.decisionId(),
                decision.product(),
                decision.requiredAuthority(),
                decision.decidedAt(),
                resolution,
                command.idempotencyKey());
        ReferralRepository.Filing filing = referrals.resolve(record);
        if (filing instanceof ReferralRepository.KeyInUse keyInUse) {
            return Optional.of(repeat(keyInUse.original(), command.decisionId(), request)); // raced its original
        }
        if (filing instanceof ReferralRepository.AlreadyResolved already) {
            Resolution first = already.existing().resolution();
            throw ResolutionRefusedException.alreadyResolved(
                    decision.decisionId(),
                    first.action().name(),
                    first.resolvedAt().toString());
        }
        Duration waited = Duration.between(decision.decidedAt(), resolution.resolvedAt());
        metrics.resolved(resolution.action(), decision.requiredAuthority(), waited);
        log(record, waited);
        return Optional.of(new Resolved(resolution, false));
    }

    /** The original of a retry with the same key, if the retry asks for exactly what it recorded. */
    private static Resolved repeat(ResolutionRecord original, String decisionId, ResolutionRequest asked) {
        Resolution kept = original.resolution();
        boolean same = original.decisionId().equals(decisionId)
                && kept.action() == asked.action()
                && kept.rationale().equals(asked.rationale())
                && kept.subjectivities().equals(asked.subjectivities());
        if (!same) {
            throw new IdempotencyConflictException(original.decisionId());
        }
        return new Resolved(kept, true);
    }

    /** Where a decision stands on the desk; empty when it is not a referral the desk holds. */
    public Optional<ReferralStanding> standing(DecisionRecord record) {
        Decision decision = record.decision();
        if (decision.outcome() != Outcome.REFER || decision.requiredAuthority() == null) {
            return Optional.empty();
        }
        return Optional.of(new ReferralStanding(
                decision.requiredAuthority(),
                referrals.resolution(decision.decisionId()).map(ResolutionRecord::resolution)));
    }

    /**
     * One page of the desk's list, and where the next page starts if there is one.
     *
     * @param asOf when the page was read: an open referral's age is measured to it
     */
    public record Page(List<ReferralRecord> items, Optional<DecisionSearch.Position> next, Instant asOf) {}

    public Page queue(ReferralSearch search) {
        Instant asOf = Instant.now();
        // One more than the page holds tells whether another page follows.
        List<ReferralRecord> found = referrals.search(search.withLimit(search.limit() + 1));
        if (found.size() <= search.limit()) {
            return new Page(found, Optional.empty(), asOf);
        }
        List<ReferralRecord> items = found.subList(0, search.limit());
        ReferralRecord last = items.get(items.size() - 1);
        Instant at = last.resolution().map(Resolution::resolvedAt).orElse(last.decidedAt());
        return new Page(items, Optional.of(new DecisionSearch.Position(at, last.decisionId())), asOf);
    }

    /** The age bands of the book's picture of the queue: under a day, 1–3, 3–7, 7–14 days, 14 days and more. */
    public static final List<Duration> AGE_BOUNDS =
            List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14));

    /**
     * The open referrals by how long they have waited, per required authority, as counted at
     * most two open-count intervals ago ({@link ReferralAges#asOf()} says when).
     */
    public ReferralAges ages(Optional<Product> product) {
        return ages.ages(product);
    }

    /** One line per resolution, for operators and auditors; the rationale stays in the record. */
    private static void log(ResolutionRecord record, Duration waited) {
        Resolution resolution = record.resolution();
        Log.info("resolution decisionId=" + record.decisionId() + " action=" + resolution.action()
                + " finalOutcome=" + resolution.finalOutcome() + " requiredAuthority=" + record.requiredAuthority()
                + " authority=" + resolution.authority() + " resolvedBy=" + LogText.escape(resolution.resolvedBy())
                + " waitedSeconds=" + waited.toSeconds());
    }
}
