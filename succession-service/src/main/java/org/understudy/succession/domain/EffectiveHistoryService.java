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
    private final SuccessorRepository successors;
    private final VacancyViewRepository vacancies;
    private final SuccessionSettings settings;

    public EffectiveHistoryService(SuccessorRepository successors, VacancyViewRepository vacancies, SuccessionSettings settings) {
        this.successors = successors;
        this.vacancies = vacancies;
        this.settings = settings;
    }

    /**
     * The post on a day, by the facts' own dates, in the shape of a history row (for the answers that
     * read one): the numbers, replaceability and holder of that day; the shortlist of the vacancy
     * advertised last by then; the interim cover the post has now if it was named by then.
     *
     * @param row the post as the view holds it (its row and organisation)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostSuccessionHistory on(PostSuccessionRepository.Row row, LocalDate day) {
        EffectiveHistory.Entry e = of(row, day, day).get(0);
        PostSuccession p = row.post();
        PostSuccessionHistory h = new PostSuccessionHistory();
        h.postId = p.postId;
        h.effectiveAt = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        h.cause = "effective";
        h.readyNow = e.numbers().readyNow();
        h.readySoon = e.numbers().readySoon();
        h.namedReadyNow = e.numbers().namedReadyNow();
        h.poolReadyNow = e.numbers().poolReadyNow();
        h.replaceability = e.replaceability();
        h.incumbentCandidateId = e.incumbentCandidateId();
        h.lastShortlistSize = vacancies.lastShortlistSizeOn(p.postId, day);
        if (p.interimNamedOn != null && !p.interimNamedOn.isAfter(day)) {
            h.interimCandidateId = p.interimCandidateId;
            h.interimNamedOn = p.interimNamedOn;
        }
        return h;
    }

    /** The post's entries from one day to another (inclusive); {@code row} as in {@link #on}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EffectiveHistory.Entry> of(PostSuccessionRepository.Row row, LocalDate from, LocalDate to) {
        PostSuccession p = row.post();
        UUID postId = p.postId;
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
