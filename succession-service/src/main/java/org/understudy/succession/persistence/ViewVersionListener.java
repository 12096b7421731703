package org.understudy.succession.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The view's version as announced by the database (channel {@code view_version}, migration V6), so
 * that a read can tell whether an answer kept for a version is still current without a round trip.
 * Holds one connection of its own, outside the pool, listening. While it is not listening (before
 * the first connection, after one is lost) the version is unknown and callers read the table; on
 * reconnecting it listens first and then reads the table, so no move made meanwhile is missed.
 */
@ApplicationScoped
public class ViewVersionListener {
    static final String CHANNEL = "view_version";
    /** What {@link #known()} answers while not listening. */
    public static final long UNKNOWN = -1;
    private static final Logger LOG = Logger.getLogger(ViewVersionListener.class);

    @Inject
    DirectConnections connections;

    @ConfigProperty(name = "understudy.view-version.listen", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "understudy.view-version.reconnect-delay", defaultValue = "PT1S")
    Duration reconnectDelay;

    @Inject
    MeterRegistry meters;

    private final AtomicLong known = new AtomicLong(UNKNOWN);
    private final List<LongConsumer> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread worker;

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("understudy.view.version.listening", known, k -> k.get() == UNKNOWN ? 0 : 1)
                .description("1 while succession-service hears the view's version moving (its live read caches are in use), 0 while it reads it from the table")
                .register(meters);
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "view-version-listener");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        closeQuietly(connection);
        if (worker != null) {
            worker.interrupt();
        }
    }

    /**
     * Tells {@code subscriber} the newest version each time it moves (on the listener's thread, or the
     * committing thread for this instance's own moves): it must hand the work on, not do it there.
     */
    public void onMove(LongConsumer subscriber) {
        subscribers.add(subscriber);
    }

    private void moved() {
        long version = known.get();
        if (version != UNKNOWN) {
            subscribers.forEach(s -> s.accept(version));
        }
    }

    /** The newest version heard of, or {@link #UNKNOWN} while not listening. */
    public long known() {
        return known.get();
    }

    /**
     * A version this instance committed itself: known at once, before the announcement comes back.
     * Ignored while not listening (a version heard of only from this instance says nothing of others).
     */
    void committed(long version) {
        known.getAndUpdate(current -> current == UNKNOWN ? UNKNOWN : Math.max(current, version));
        moved();
    }

    private void run() {
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Not hearing the view's version (reads ask the database until it is heard again): %s", e.getMessage());
                }
            } finally {
                known.set(UNKNOWN);
                connection = null;
            }
            pause();
        }
    }

    private void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + CHANNEL);
        }
        readVersion(c);
        LOG.debugf("Hearing the view's version from %d on", known.get());
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
            // Blocks until an announcement arrives or the time passes; a lost connection throws.
            PGNotification[] heard = pg.getNotifications(10_000);
            if (heard == null || heard.length == 0) {
                readVersion(c); // quiet for a while: make sure the connection still answers
                continue;
            }
            for (PGNotification n : heard) {
                long version = Long.parseLong(n.getParameter());
                known.getAndUpdate(current -> Math.max(current, version));
            }
            moved();
        }
    }

    private void readVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM view_version WHERE id = 1")) {
            r.next();
            long version = r.getLong(1);
            known.getAndUpdate(current -> Math.max(current, version));
        }
        moved();
    }

    private Connection connect() throws SQLException {
        return connections.open("view-version listener", Duration.ofSeconds(30));
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing on the way out: nothing to do about it
        }
    }
}
