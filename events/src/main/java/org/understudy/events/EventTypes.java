package org.understudy.events;

import java.util.Set;

/**
 * CloudEvents {@code type} values. The trailing {@code .v1} is the contract version: a consumer
 * ignores (and counts) types it does not know, so a v2 can be introduced beside v1.
 */
public final class EventTypes {
    public static final String ORGANISATION_CREATED = "org.understudy.vacancy.organisation.created.v1";
    public static final String ORGANISATION_UPDATED = "org.understudy.vacancy.organisation.updated.v1";
    public static final String POST_CREATED = "org.understudy.vacancy.post.created.v1";

    /** Every type whose {@code data} is an organisation's state. */
    public static final Set<String> ORGANISATION_TYPES = Set.of(ORGANISATION_CREATED, ORGANISATION_UPDATED);
    /** Every type whose {@code data} is a post's state. */
    public static final Set<String> POST_TYPES = Set.of(POST_CREATED);

    private EventTypes() {
    }
}
