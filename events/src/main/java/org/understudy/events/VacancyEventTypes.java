package org.understudy.events;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Types published by vacancy-service on {@link Topics#VACANCY_EVENTS}. Organisation events are at
 * version 2 (organisation-state.v2.json: the oversight segment may be unset, and carries who set it,
 * when and from which day); post events too (post-state.v2.json: a departure may be by
 * MUTUAL_AGREEMENT); all of them, vacancy events included, also because an organisation may be an
 * oversight body and a role a regional director. Version 1 is no longer published; a topic written
 * before still holds it, and consumers read both ({@link #ORGANISATION_V1}, {@link #POST_V1}, {@link #VACANCY_V1}).
 */
public final class VacancyEventTypes {
    public static final String ORGANISATION_CREATED = EventTypes.of("vacancy", "organisation", "created", 2);
    public static final String ORGANISATION_UPDATED = EventTypes.of("vacancy", "organisation", "updated", 2);
    public static final String POST_CREATED = EventTypes.of("vacancy", "post", "created", 2);
    public static final String POST_INCUMBENT_CHANGED = EventTypes.of("vacancy", "post", "incumbent-changed", 2);
    public static final String POST_INCUMBENT_LEFT = EventTypes.of("vacancy", "post", "incumbent-left", 2);
    public static final String POST_INTERIM_COVER_CHANGED = EventTypes.of("vacancy", "post", "interim-cover-changed", 2);
    public static final String VACANCY_CREATED = EventTypes.of("vacancy", "vacancy", "created", 2);
    public static final String VACANCY_STATUS_CHANGED = EventTypes.of("vacancy", "vacancy", "status-changed", 2);
    public static final String VACANCY_APPLICATION_RECEIVED = EventTypes.of("vacancy", "vacancy", "application-received", 2);
    public static final String VACANCY_APPLICATION_WITHDRAWN = EventTypes.of("vacancy", "vacancy", "application-withdrawn", 2);
    public static final String VACANCY_SHORTLIST_CHANGED = EventTypes.of("vacancy", "vacancy", "shortlist-changed", 2);
    public static final String VACANCY_FILLED = EventTypes.of("vacancy", "vacancy", "filled", 2);

    /** The version-1 organisation types, still read from history. */
    public static final Set<String> ORGANISATION_V1 = Set.of(
            EventTypes.of("vacancy", "organisation", "created"), EventTypes.of("vacancy", "organisation", "updated"));
    /** A post created, in every version a topic may hold. */
    public static final Set<String> POST_CREATED_ANY_VERSION = Set.of(POST_CREATED, EventTypes.of("vacancy", "post", "created"));
    /** The version-1 post types, still read from history. */
    public static final Set<String> POST_V1 = Set.of(EventTypes.of("vacancy", "post", "created"),
            EventTypes.of("vacancy", "post", "incumbent-changed"), EventTypes.of("vacancy", "post", "incumbent-left"),
            EventTypes.of("vacancy", "post", "interim-cover-changed"));

    /** The version-1 vacancy types, still read from history. */
    public static final Set<String> VACANCY_V1 = Stream.of("created", "status-changed", "application-received", "application-withdrawn",
            "shortlist-changed", "filled").map(change -> EventTypes.of("vacancy", "vacancy", change)).collect(Collectors.toUnmodifiableSet());

    /** Every type above, version 1 included: a consumer that skips some of them can tell them from types it does not know. */
    public static final Set<String> ALL = Stream.of(Stream.of(ORGANISATION_CREATED, ORGANISATION_UPDATED, POST_CREATED,
                            POST_INCUMBENT_CHANGED, POST_INCUMBENT_LEFT, POST_INTERIM_COVER_CHANGED, VACANCY_CREATED, VACANCY_STATUS_CHANGED,
                            VACANCY_APPLICATION_RECEIVED, VACANCY_APPLICATION_WITHDRAWN, VACANCY_SHORTLIST_CHANGED, VACANCY_FILLED),
                    ORGANISATION_V1.stream(), POST_V1.stream(), VACANCY_V1.stream())
            .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    private VacancyEventTypes() {
    }
}
