package org.understudy.succession.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.ViewVersionListener;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The posts whose rows the writer changed, on every instance: each move of the view's version
 * ({@link ViewVersionListener}, announced by PostgreSQL when the writer's transaction commits) is
 * followed by one read of the posts changed since the version last seen, handed to live subscribers
 * (the SSE stream). Moves heard while a read runs are served by the next read, which covers them all;
 * a lost connection loses nothing, since the next version heard is read from the last one seen.
 */
@ApplicationScoped
public class ViewChangeFeed {
    private static final Logger LOG = Logger.getLogger(ViewChangeFeed.class);

    @Inject
    ViewVersionListener versions;

    @Inject
    PostSuccessionRepository posts;

    private final BroadcastProcessor<List<UUID>> changes = BroadcastProcessor.create();
    private final AtomicLong seen = new AtomicLong(-1);
    private final AtomicLong heard = new AtomicLong(-1);
    private final AtomicInteger subscribers = new AtomicInteger();
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "view-change-feed");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes StartupEvent ignored) {
        versions.onMove(version -> {
            if (heard.getAndAccumulate(version, Math::max) < version) {
                reader.execute(this::readChanges);
            }
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        reader.shutdownNow();
    }

    /** Batches of changed post ids, one per read of the changes (read only while someone is subscribed). */
    public Multi<List<UUID>> stream() {
        return changes.onSubscription().invoke(subscribers::incrementAndGet).onTermination().invoke(subscribers::decrementAndGet);
    }

    private void readChanges() {
        long upTo = heard.get();
        long from = seen.get();
        if (upTo <= from) {
            return;
        }
        if (from < 0 || subscribers.get() == 0) {
            seen.set(upTo); // the first version heard, or no one listening: nothing to hand on
            return;
        }
        try {
            List<UUID> changed = QuarkusTransaction.requiringNew().call(() -> posts.changedBetween(from, upTo));
            seen.set(upTo);
            if (!changed.isEmpty()) {
                changes.onNext(changed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the posts changed up to version %d (the next move reads them): %s", upTo, e.getMessage());
        }
    }
}
