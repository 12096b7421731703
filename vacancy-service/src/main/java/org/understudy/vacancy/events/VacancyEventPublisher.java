package org.understudy.vacancy.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.understudy.events.VacancyEventTypes;
import org.understudy.events.Topics;
import org.understudy.platform.outbox.Outbox;
import org.understudy.vacancy.domain.Organisation;
import org.understudy.vacancy.domain.Post;

import java.util.List;

/** Turns vacancy-service's state changes into events on vacancy-events, through the outbox. */
@ApplicationScoped
public class VacancyEventPublisher {
    @Inject
    Outbox outbox;

    public void organisationCreated(Organisation organisation) {
        outbox.append(Topics.VACANCY_EVENTS, VacancyEventTypes.ORGANISATION_CREATED, organisation.odsCode,
                organisation.version, List.of("created"), organisation.toState());
    }

    public void organisationUpdated(Organisation organisation, List<String> changed) {
        outbox.append(Topics.VACANCY_EVENTS, VacancyEventTypes.ORGANISATION_UPDATED, organisation.odsCode,
                organisation.version, changed, organisation.toState());
    }

    public void postCreated(Post post) {
        outbox.append(Topics.VACANCY_EVENTS, VacancyEventTypes.POST_CREATED, post.postId.toString(),
                post.version, List.of("created"), post.toState());
    }
}
