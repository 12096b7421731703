package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.ExitReason;
import org.understudy.platform.problem.ApiProblem;
import org.understudy.succession.persistence.DecisionSupportRepository;
import org.understudy.succession.persistence.PostSuccessionHistoryRepository;
import org.understudy.succession.persistence.PostSuccessionRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Answers "would dismissing this post's leader be a credible consequence?" from the stored view:
 * live from the post's current numbers, or as of an instant from its history; the rules are the
 * pure {@link DismissalReadiness}.
 */
@ApplicationScoped
public class DismissalReadinessService {
    @Inject
    PostSuccessionRepository posts;

    @Inject
    PostSuccessionHistoryRepository history;

    @Inject
    DecisionSupportRepository figures;

    @Inject
    SuccessionSettings settings;

    @Inject
    EffectiveHistoryService effective;

    @Inject
    Clock clock;

    /** The numbers a report is computed from: the post's current ones, or a history entry's. */
    private record Inputs(int readyNow, int namedReadyNow, int poolReadyNow, int readySoon, Integer lastShortlistSize,
                          UUID interimCandidateId, LocalDate interimNamedOn, UUID incumbentCandidateId) {
    }

    /** The answer for the view as it stands. */
    public ReadinessReport live(UUID postId) {
        PostSuccessionRepository.Row row = find(postId);
        PostSuccession p = row.post();
        return report(row, new Inputs(p.readyNow, p.namedReadyNow, p.poolReadyNow, p.readySoon, p.lastShortlistSize,
                p.interimCandidateId, p.interimNamedOn, p.incumbentCandidateId), history.lastWritten(postId), LocalDate.now(clock), null);
    }

    /** The answer as of an instant: the post's numbers then (its history), exits dated up to that day. */
    public ReadinessReport asOf(UUID postId, OffsetDateTime instant) {
        PostSuccessionRepository.Row row = find(postId);
        PostSuccessionHistory h = history.asOf(postId, instant);
        if (h == null) {
            throw ApiProblem.notFound("asOf", "post " + postId + " was not yet known to the succession view at " + instant);
        }
        return asOf(row, h, instant);
    }

    /**
     * The answer as of a day by the facts' own dates ({@link EffectiveHistoryService#on}): the numbers the
     * dated facts now held give for that day, whenever they arrived; exits dated up to that day.
     */
    public ReadinessReport effectiveOn(UUID postId, LocalDate day) {
        PostSuccessionRepository.Row row = find(postId);
        return asOf(row, effective.on(row, day), day.atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    private ReadinessReport asOf(PostSuccessionRepository.Row row, PostSuccessionHistory h, OffsetDateTime instant) {
        OffsetDateTime utc = instant.withOffsetSameInstant(ZoneOffset.UTC);
        return report(row, new Inputs(h.readyNow, h.namedReadyNow, h.poolReadyNow, h.readySoon, h.lastShortlistSize,
                h.interimCandidateId, h.interimNamedOn, h.incumbentCandidateId), h, utc.toLocalDate(), utc);
    }

    private PostSuccessionRepository.Row find(UUID postId) {
        PostSuccessionRepository.Row row = posts.findRow(postId);
        if (row == null) {
            throw ApiProblem.notFound("postId", "no post with id " + postId + " is known to the succession view");
        }
        return row;
    }

    private ReadinessReport report(PostSuccessionRepository.Row row, Inputs in, PostSuccessionHistory basedOn, LocalDate day,
                                   OffsetDateTime asOf) {
        DismissalReadiness rules = settings.dismissalReadiness();
        PostSuccession p = row.post();
        OrganisationView o = row.organisation();
        List<ExitReason> exits = o == null ? List.of() : figures.recentExits(o.region, p.role, day, rules.recentExitsWindow());
        InterimVetting.Outcome interim = settings.interimVetting().vet(in.interimNamedOn(), in.interimCandidateId(),
                in.incumbentCandidateId(), figures.interimCandidate(in.interimCandidateId()), day);
        DismissalReadiness.Verdict verdict = rules.assess(new DismissalReadiness.Facts(p.role, o != null, in.readyNow(),
                in.namedReadyNow(), in.readySoon(), in.lastShortlistSize(), interim, exits));
        ReadinessReport.Numbers numbers = new ReadinessReport.Numbers(in.readyNow(), in.namedReadyNow(), in.poolReadyNow(),
                in.readySoon(), rules.minimumReadyNow(), in.lastShortlistSize(),
                in.interimNamedOn() == null ? null : new ReadinessReport.InterimCover(in.interimCandidateId(), in.interimNamedOn(), interim),
                new ReadinessReport.RecentExits(rules.recentExitsWindow(), exits.size(),
                        (int) exits.stream().filter(ExitReason::voluntary).count(),
                        (int) exits.stream().filter(e -> e == ExitReason.MUTUAL_AGREEMENT).count(),
                        (int) exits.stream().filter(e -> e == ExitReason.DISMISSED).count(), day));
        return new ReadinessReport(p.postId, p.odsCode, o == null ? null : o.name, o == null ? null : o.region,
                o == null ? null : o.organisationType, o == null ? null : o.oversightSegment, p.role,
                verdict.credible(), verdict.summary(), numbers, verdict.reasons(), basedOn(basedOn), asOf);
    }

    private static ReadinessReport.BasedOn basedOn(PostSuccessionHistory h) {
        return h == null ? null : new ReadinessReport.BasedOn(h.effectiveAt.withOffsetSameInstant(ZoneOffset.UTC), h.cause,
                h.eventId, h.eventTopic, h.eventPartition, h.eventOffset);
    }
}
