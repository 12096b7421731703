package org.understudy.succession.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One live subscriber's changed posts not yet handed on. Changes arriving while the subscriber is
 * busy are merged (a post is named once however often it changed) and handed on at its next
 * request, so a slow subscriber gets fewer, larger batches and never loses a post's last change:
 * dropping whole batches on overflow left posts showing an old state until they changed again.
 */
public final class CoalescedChanges {
    private CoalescedChanges() {
    }

    /** The changes, as batches of post ids handed on only when the subscriber asks for one. */
    public static Multi<List<UUID>> of(Multi<List<UUID>> changes) {
        return Multi.createFrom().emitter(emitter -> {
            Set<UUID> pending = new LinkedHashSet<>();
            Runnable handOn = () -> {
                List<UUID> batch;
                synchronized (pending) {
                    if (pending.isEmpty() || emitter.requested() <= 0 || emitter.isCancelled()) {
                        return;
                    }
                    batch = new ArrayList<>(pending);
                    pending.clear();
                }
                emitter.emit(batch);
            };
            Cancellable upstream = changes.subscribe().with(ids -> {
                synchronized (pending) {
                    pending.addAll(ids);
                }
                handOn.run();
            });
            emitter.onRequest(n -> handOn.run());
            emitter.onTermination(upstream::cancel);
        });
    }
}
