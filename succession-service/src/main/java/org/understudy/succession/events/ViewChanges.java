package org.understudy.succession.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.understudy.platform.transaction.AfterCommit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The posts whose numbers changed, told to live subscribers (the SSE stream) once the transaction
 * that changed them has committed, never before and never for a rolled-back one.
 */
@ApplicationScoped
public class ViewChanges {
    private static final Object KEY = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final BroadcastProcessor<List<UUID>> changes = BroadcastProcessor.create();

    /** Records, inside the current transaction, that a post changed. */
    @SuppressWarnings("unchecked")
    public void changed(UUID postId) {
        Set<UUID> pending = (Set<UUID>) transactions.getResource(KEY);
        if (pending == null) {
            Set<UUID> created = new LinkedHashSet<>();
            transactions.putResource(KEY, created);
            AfterCommit.run(transactions, () -> changes.onNext(new ArrayList<>(created)));
            pending = created;
        }
        pending.add(postId);
    }

    /** Batches of changed post ids, one per committed transaction. */
    public Multi<List<UUID>> stream() {
        return changes;
    }
}
