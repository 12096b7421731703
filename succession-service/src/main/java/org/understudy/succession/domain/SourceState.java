package org.understudy.succession.domain;

import org.understudy.events.CandidateState;
import org.understudy.events.OrganisationState;
import org.understudy.events.PostState;
import org.understudy.events.VacancyStatus;

import java.util.List;
import java.util.UUID;

/**
 * What the source services hold now, as their bulk exports give it: organisations, posts and
 * vacancy figures from vacancy-service, candidates from candidate-service. The input of a
 * reconciliation; the states are the ones the events carry.
 */
public record SourceState(List<OrganisationState> organisations, List<PostState> posts, List<Vacancy> vacancies,
                          List<CandidateState> candidates) {

    /** A vacancy's figures: live applications and shortlist size, and whether it is still in play. */
    public record Vacancy(UUID vacancyId, UUID postId, VacancyStatus status, int liveApplications, int shortlistSize) {
    }
}
