package org.understudy.vacancy.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.Topics;
import org.understudy.events.VacancyEventTypes;
import org.understudy.platform.outbox.Outbox;
import org.understudy.vacancy.domain.Incumbency;
import org.understudy.vacancy.domain.Organisation;
import org.understudy.vacancy.domain.Post;
import org.understudy.vacancy.domain.Vacancy;
import org.understudy.vacancy.persistence.ChangeAudit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Turns vacancy-service's state changes into events on vacancy-events, through the outbox, each recorded
 * in the change audit with its caller (same transaction).
 */
@ApplicationScoped
public class VacancyEventPublisher {
    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ChangeAudit audit;

    public void organisationCreated(Organisation organisation) {
        organisation(VacancyEventTypes.ORGANISATION_CREATED, organisation, List.of("created"));
    }

    public void organisationUpdated(Organisation organisation, List<String> changed) {
        organisation(VacancyEventTypes.ORGANISATION_UPDATED, organisation, changed);
    }

    public void postCreated(Post post) {
        post(VacancyEventTypes.POST_CREATED, post, null, List.of("created"));
    }

    /** A new incumbent (current is who holds the post now). */
    public void incumbentChanged(Post post, Incumbency current, List<String> changed) {
        post(VacancyEventTypes.POST_INCUMBENT_CHANGED, post, current, changed);
    }

    /** The incumbent left and the post is vacant. */
    public void incumbentLeft(Post post) {
        post(VacancyEventTypes.POST_INCUMBENT_LEFT, post, null, List.of("incumbent", "lastDeparture"));
    }

    /** The interim cover was named, changed or cleared. */
    public void interimCoverChanged(Post post, Incumbency current) {
        post(VacancyEventTypes.POST_INTERIM_COVER_CHANGED, post, current, List.of("interimCover"));
    }

    /** Any change of a vacancy: type says which (see {@link VacancyEventTypes}). */
    public void vacancy(String type, Vacancy vacancy, Post post, List<String> changed) {
        UUID id = outbox.append(Topics.VACANCY_EVENTS, type, vacancy.vacancyId.toString(), vacancy.version, changed,
                VacancyStates.of(vacancy, post, LocalDate.now(clock)));
        audit.record(id, post.odsCode, type, vacancy.vacancyId.toString(), changed);
    }

    private void organisation(String type, Organisation organisation, List<String> changed) {
        UUID id = outbox.append(Topics.VACANCY_EVENTS, type, organisation.odsCode, organisation.version, changed, organisation.toState());
        audit.record(id, organisation.odsCode, type, organisation.odsCode, changed);
    }

    private void post(String type, Post post, Incumbency current, List<String> changed) {
        UUID id = outbox.append(Topics.VACANCY_EVENTS, type, post.postId.toString(), post.version, changed, post.toState(current));
        audit.record(id, post.odsCode, type, post.postId.toString(), changed);
    }
}
