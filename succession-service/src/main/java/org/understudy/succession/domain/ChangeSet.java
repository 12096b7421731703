package org.understudy.succession.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one poll of events (or the passing of time) changed in the view, as the rows to write: each
 * changed organisation, post, vacancy and candidate once (as it is now), each changed candidate's
 * details, each (post, candidate) pair that now counts differently or no longer counts, the new history
 * rows in the order they were made, the departures recorded on posts, the view's new day, and the alerts raised. The writer persists it
 * in one transaction with the positions it reflects.
 *
 * @param contributions by pair; a contribution that does not count means the pair is removed
 * @param historyCounts each changed post's number of history rows, in all
 * @param day           the view's new day, or null when it did not move
 */
public record ChangeSet(Collection<OrganisationView> organisations, Collection<PostSuccession> posts,
                        Collection<VacancyView> vacancies, Collection<CandidateView> candidates,
                        Map<UUID, ViewState.Details> candidateDetails, Map<ViewState.Pair, Contribution> contributions,
                        List<PostSuccessionHistory> history, Map<UUID, Long> historyCounts, List<PostDeparture> departures,
                        LocalDate day) {

    public boolean isEmpty() {
        return organisations.isEmpty() && posts.isEmpty() && vacancies.isEmpty() && candidates.isEmpty()
                && contributions.isEmpty() && history.isEmpty() && departures.isEmpty() && day == null;
    }

    /** How many rows it writes, about (for logs). */
    public int size() {
        return organisations.size() + posts.size() + vacancies.size() + candidates.size() + contributions.size() + history.size();
    }

    /** Notes changes as they are made; each row once, however often it changed. */
    static final class Builder {
        private final Map<String, OrganisationView> organisations = new LinkedHashMap<>();
        private final Map<UUID, PostSuccession> posts = new LinkedHashMap<>();
        private final Map<UUID, VacancyView> vacancies = new LinkedHashMap<>();
        private final Map<UUID, CandidateView> candidates = new LinkedHashMap<>();
        private final Map<UUID, ViewState.Details> details = new LinkedHashMap<>();
        private final Map<ViewState.Pair, Contribution> contributions = new LinkedHashMap<>();
        private final List<PostSuccessionHistory> history = new ArrayList<>();
        private final List<PostDeparture> departures = new ArrayList<>();
        private LocalDate day;

        void organisation(OrganisationView row) {
            organisations.put(row.odsCode, row);
        }

        void post(PostSuccession row) {
            posts.put(row.postId, row);
        }

        void vacancy(VacancyView row) {
            vacancies.put(row.vacancyId, row);
        }

        void candidate(CandidateView row) {
            candidates.put(row.candidateId, row);
        }

        void details(UUID candidateId, ViewState.Details d) {
            details.put(candidateId, d);
        }

        void contribution(ViewState.Pair pair, Contribution c) {
            contributions.put(pair, c);
        }

        void history(PostSuccessionHistory row) {
            history.add(row);
        }

        void departure(PostDeparture d) {
            departures.add(d);
        }

        void day(LocalDate d) {
            day = d;
        }

        List<PostSuccessionHistory> historyRows() {
            return history;
        }

        ChangeSet build(ViewState view) {
            Map<UUID, Long> counts = new LinkedHashMap<>();
            posts.keySet().forEach(id -> counts.put(id, view.historyCount(id)));
            return new ChangeSet(List.copyOf(organisations.values()), List.copyOf(posts.values()), List.copyOf(vacancies.values()),
                    List.copyOf(candidates.values()), Map.copyOf(details), Map.copyOf(contributions), List.copyOf(history),
                    counts, List.copyOf(departures), day);
        }
    }
}
