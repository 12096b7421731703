package org.understudy.events;

/** Types published by vacancy-service on {@link Topics#VACANCY_EVENTS}. */
public final class VacancyEventTypes {
    public static final String ORGANISATION_CREATED = EventTypes.of("vacancy", "organisation", "created");
    public static final String ORGANISATION_UPDATED = EventTypes.of("vacancy", "organisation", "updated");
    public static final String POST_CREATED = EventTypes.of("vacancy", "post", "created");

    private VacancyEventTypes() {
    }
}
