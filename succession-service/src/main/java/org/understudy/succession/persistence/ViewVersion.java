package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The view's version (table view_version): the writer moves it on in every transaction that changes
 * the view (a change-set, a rebuild). Answers computed from the whole view (consequence capacity) are
 * cached with the version they saw and recomputed when it has moved, on any instance: the number lives
 * in the shared database, not in one instance's memory. Live read caches ask {@link #latest()}, which
 * the database announces to every instance ({@link ViewVersionListener}).
 */
@ApplicationScoped
public class ViewVersion {
    @Inject
    EntityManager em;

    @Inject
    ViewVersionListener listener;

    /**
     * The newest committed version as announced, without a round trip; the table's while announcements
     * are not heard. A move committed elsewhere may be announced a moment after its commit: answers
     * kept under the version may be that moment behind, as a read made just before the commit would.
     */
    public long latest() {
        long heard = listener.known();
        return heard == ViewVersionListener.UNKNOWN ? current() : heard;
    }

    /** The committed version (read before the data it guards, so that a cache is never newer than its label). */
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM view_version WHERE id = 1").getSingleResult()).longValue();
    }
}
