package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The view's version (table view_version): moves on in every transaction that changes who counts for
 * which post, or the posts and organisations. Answers computed from the whole view (consequence
 * capacity) are cached with the version they saw and recomputed when it has moved, on any instance:
 * the number lives in the shared database, not in one instance's memory.
 */
@ApplicationScoped
public class ViewVersion {
    private static final Object BUMPED = new Object();

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Moves the version on, once per transaction however often it is called (callers hold the view's lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump() {
        if (transactions.getResource(BUMPED) != null) {
            return;
        }
        em.createNativeQuery("UPDATE view_version SET version = version + 1 WHERE id = 1").executeUpdate();
        transactions.putResource(BUMPED, Boolean.TRUE);
    }

    /** The committed version (read before the data it guards, so that a cache is never newer than its label). */
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM view_version WHERE id = 1").getSingleResult()).longValue();
    }
}
