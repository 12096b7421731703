package org.understudy.succession.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.SuccessorRepository;
import org.understudy.succession.persistence.VacancyViewRepository;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Reads the dated facts behind a post's effective history and hands them to {@link EffectiveHistory}. */
@ApplicationScoped
public class EffectiveHistoryService {
    private final PostSuccessionRepository posts;
    private final SuccessorRepository successors;
    private final VacancyViewRepository vacancies;
    private final SuccessionSettings settings;

    public EffectiveHistoryService(PostSuccessionRepository posts, SuccessorRepository successors, VacancyViewRepository vacancies,
                                   SuccessionSettings settings) {
        this.posts = posts;
        this.successors = successors;
        this.vacancies = vacancies;
        this.settings = settings;
    }

    /**
     * The post on a day, by the facts' own dates, in the shape of a history row (for the answers that
     * read one): the numbers, replaceability and holder of that day; the shortlist of the vacancy
     * advertised last by then; the interim cover the post has now if it was named by then. Null when
     * the view knows no such post.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostSuccessionHistory on(UUID postId, LocalDate day) {
        List<EffectiveHistory.Entry> entries = of(postId, day, day);
        if (entries == null) {
            return null;
        }
        EffectiveHistory.Entry e = entries.get(0);
        PostSuccession p = posts.findRow(postId).post();
        PostSuccessionHistory h = new PostSuccessionHistory();
        h.postId = postId;
        h.effectiveAt = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        h.cause = "effective";
        h.readyNow = e.numbers().readyNow();
        h.readySoon = e.numbers().readySoon();
        h.namedReadyNow = e.numbers().namedReadyNow();
        h.poolReadyNow = e.numbers().poolReadyNow();
        h.replaceability = e.replaceability();
        h.incumbentCandidateId = e.incumbentCandidateId();
        h.lastShortlistSize = vacancies.lastShortlistSizeOn(postId, day);
        if (p.interimNamedOn != null && !p.interimNamedOn.isAfter(day)) {
            h.interimCandidateId = p.interimCandidateId;
            h.interimNamedOn = p.interimNamedOn;
        }
        return h;
    }

    /** The post's entries from one day to another (inclusive); null when the view knows no such post. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EffectiveHistory.Entry> of(UUID postId, LocalDate from, LocalDate to) {
        PostSuccessionRepository.Row row = posts.findRow(postId);
        if (row == null) {
            return null;
        }
        PostSuccession p = row.post();
        OrganisationView o = row.organisation();
        PostFacts post = new PostFacts(p.postId, p.role, o == null ? null : o.region, o == null ? null : o.organisationType,
                o == null ? null : o.oversightSegment, p.incumbentCandidateId);
        List<EffectiveHistory.Holding> holdings = EffectiveHistory.holdings(successors.departures(postId), p.incumbentCandidateId,
                p.incumbentSince);
        List<UUID> ids = successors.everCounting(postId, p.role);
        return EffectiveHistory.of(post, holdings, successors.facts(ids, p.role, postId).values(), successors.replaced(ids, p.role),
                settings.rules(), settings.thresholds(), from, to);
    }
}
