package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.understudy.platform.transaction.AfterCommit;

/**
 * The view's version (table view_version): moves on in every transaction that changes who counts for
 * which post, or the posts and organisations. Answers computed from the whole view (consequence
 * capacity) are cached with the version they saw and recomputed when it has moved, on any instance:
 * the number lives in the shared database, not in one instance's memory. Live read caches ask
 * {@link #latest()}, which the database announces to every instance ({@link ViewVersionListener}).
 */
@ApplicationScoped
public class ViewVersion {
    private static final Object BUMPED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ViewVersionListener listener;

    /** Moves the version on, once per transaction however often it is called (callers hold the view's lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        if (transactions.getResource(BUMPED) != null) {
            return;
        }
        long moved = ((Number) em.createNativeQuery("UPDATE view_version SET version = version + 1 WHERE id = 1 RETURNING version")
                .getSingleResult()).longValue();
        transactions.putResource(BUMPED, Boolean.TRUE);
        // This instance's own reads see the move as soon as it commits; others when it is announced.
        AfterCommit.run(transactions, () -> listener.committed(moved));
    }

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
