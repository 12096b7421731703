package org.understudy.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must follow a commit and never a rollback: waking the outbox relay, telling live
 * subscribers, announcing a new view version. Done earlier, a reader could act on a change that
 * is then rolled back, or look for it before it is visible.
 */
public final class AfterCommit {
    private AfterCommit() {
    }

    /** Runs the action on the committing thread once the current transaction has committed. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
