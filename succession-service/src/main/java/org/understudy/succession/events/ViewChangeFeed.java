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
 * followed by one read of the posts changed since the version last seen, handed first to this
 * instance's read caches (which forget those posts' answers) and then to live subscribers (the SSE
 * stream). Moves heard while a read runs are served by the next read, which covers them all; a lost
 * connection loses nothing, since the next version heard is read from the last one seen.
 */
@ApplicationScoped
public class ViewChangeFeed {
    private static final Logger LOG = Logger.getLogger(ViewChangeFeed.class);

    @Inject
    ViewVersionListener versions;

    @Inject
    PostSuccessionRepository posts;

    /** Posts changed up to a version, as read after it committed. */
    public record Changed(long upTo, List<UUID> postIds) {
    }

    /** Told of each read of changes, in order, before the stream; and when a read failed (its changes come with the next). */
    public interface Listener {
        void changed(Changed changed);

        void missed();
    }

    private final BroadcastProcessor<List<UUID>> changes = BroadcastProcessor.create();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
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

    /** Adds a listener (a read cache) told of every read of changes on the feed's thread. */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** The version up to which changes have been read and handed on (-1 before the first version is heard). */
    public long seen() {
        return seen.get();
    }

    /** Batches of changed post ids, one per read of the changes. */
    public Multi<List<UUID>> stream() {
        return changes.onSubscription().invoke(subscribers::incrementAndGet).onTermination().invoke(subscribers::decrementAndGet);
    }

    private void readChanges() {
        long upTo = heard.get();
        long from = seen.get();
        if (upTo <= from) {
            return;
        }
        if (from < 0) {
            seen.set(upTo); // the first version heard: nothing cached or streamed is older
            return;
        }
        try {
            List<UUID> changed = QuarkusTransaction.requiringNew().call(() -> posts.changedBetween(from, upTo));
            Changed read = new Changed(upTo, changed);
            listeners.forEach(l -> l.changed(read));
            seen.set(upTo);
            if (!changed.isEmpty() && subscribers.get() > 0) {
                changes.onNext(changed);
            }
        } catch (RuntimeException e) {
            listeners.forEach(Listener::missed);
            LOG.warnf("Could not read the posts changed up to version %d (the next move reads them): %s", upTo, e.getMessage());
        }
    }
}
