package org.understudy.events;

/** Types published by vacancy-service on {@link Topics#VACANCY_EVENTS}. */
public final class VacancyEventTypes {
    /**
     * Organisation events are at version 2: the oversight segment may be unset and carries who set it,
     * when and as of which day (organisation-state.v2.json). Version 1 is no longer published; a topic
     * written before still holds it, and consumers read both ({@link #ORGANISATION_V1}).
     */
    public static final String ORGANISATION_CREATED = EventTypes.of("vacancy", "organisation", "created", 2);
    public static final String ORGANISATION_UPDATED = EventTypes.of("vacancy", "organisation", "updated", 2);
    /** The version-1 organisation types, still read from history. */
    public static final java.util.Set<String> ORGANISATION_V1 = java.util.Set.of(
            EventTypes.of("vacancy", "organisation", "created"), EventTypes.of("vacancy", "organisation", "updated"));
    public static final String POST_CREATED = EventTypes.of("vacancy", "post", "created");
    public static final String POST_INCUMBENT_CHANGED = EventTypes.of("vacancy", "post", "incumbent-changed");
    public static final String POST_INCUMBENT_LEFT = EventTypes.of("vacancy", "post", "incumbent-left");
    public static final String POST_INTERIM_COVER_CHANGED = EventTypes.of("vacancy", "post", "interim-cover-changed");
    public static final String VACANCY_CREATED = EventTypes.of("vacancy", "vacancy", "created");
    public static final String VACANCY_STATUS_CHANGED = EventTypes.of("vacancy", "vacancy", "status-changed");
    public static final String VACANCY_APPLICATION_RECEIVED = EventTypes.of("vacancy", "vacancy", "application-received");
    public static final String VACANCY_APPLICATION_WITHDRAWN = EventTypes.of("vacancy", "vacancy", "application-withdrawn");
    public static final String VACANCY_SHORTLIST_CHANGED = EventTypes.of("vacancy", "vacancy", "shortlist-changed");
    public static final String VACANCY_FILLED = EventTypes.of("vacancy", "vacancy", "filled");

    /** Every type above, version 1 organisation types included: a consumer that skips some of them can tell them from types it does not know. */
    public static final java.util.Set<String> ALL = java.util.Set.of(
            EventTypes.of("vacancy", "organisation", "created"), EventTypes.of("vacancy", "organisation", "updated"),
            ORGANISATION_CREATED, ORGANISATION_UPDATED, POST_CREATED,
            POST_INCUMBENT_CHANGED, POST_INCUMBENT_LEFT, POST_INTERIM_COVER_CHANGED, VACANCY_CREATED, VACANCY_STATUS_CHANGED,
            VACANCY_APPLICATION_RECEIVED, VACANCY_APPLICATION_WITHDRAWN, VACANCY_SHORTLIST_CHANGED, VACANCY_FILLED);

    private VacancyEventTypes() {
    }
}
