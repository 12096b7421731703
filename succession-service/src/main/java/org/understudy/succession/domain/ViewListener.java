package org.understudy.succession.domain;

import java.time.OffsetDateTime;

/** Who hears of the view's alerts as they are raised: the live writer (a rebuild raises none). */
public interface ViewListener {
    ViewListener NONE = (post, organisation, from, effectiveAt, cause, sequence) -> {
    };

    /**
     * The post's replaceability fell far enough for an alert ({@link AlertRule}).
     *
     * @param effectiveAt when the fall took effect (its history row's instant)
     * @param sequence    how many history rows the post has, this one included
     */
    void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                            OffsetDateTime effectiveAt, String cause, long sequence);

    /**
     * Someone whose most recent exit before starting was a dismissal was appointed to the post.
     *
     * @param dismissal   that exit
     * @param effectiveAt when the appointment arrived (its event's time)
     */
    default void appointedAfterDismissal(PostSuccession post, OrganisationView organisation, LastExit dismissal,
                                         OffsetDateTime effectiveAt, String cause) {
    }
}
