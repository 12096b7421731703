package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Which instance writes the view: the one holding a PostgreSQL session advisory lock. An instance asks
 * for it on a connection of its own ({@link #tryAcquire}); the one that gets it writes every change-set
 * on that same connection, so it can write only while it holds the lock, and the lock is released only
 * when that connection ends (the process died, or the connection was lost). Another instance can then
 * take it, and no two ever write at once.
 */
@ApplicationScoped
public class WriterElection {
    /** The writer's advisory lock ("Understw"). */
    static final long WRITER_LOCK = 0x556e_6465_7273_7477L;
    /** How long a write may wait for PostgreSQL's answer before the connection is taken for lost. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

    private final DirectConnections connections;
    private final EntityManager em;
    private Connection candidate;

    @Inject
    public WriterElection(DirectConnections connections, EntityManager em) {
        this.connections = connections;
        this.em = em;
    }

    /** The writer as it named itself on taking the role. */
    public record Writer(long generation, String instance, String url, OffsetDateTime since) {
    }

    /**
     * Takes the role if no one holds it. Asked again and again by the same thread (an instance's writer
     * loop): the connection it asks on stays open between tries.
     *
     * @return the lease, or empty while another instance holds the role
     */
    public Optional<WriterLease> tryAcquire(String instance, String url) throws SQLException {
        if (candidate == null || !candidate.isValid(2)) {
            closeQuietly(candidate);
            candidate = null;
            candidate = connections.open("view writer", ANSWER_WITHIN);
            try (Statement s = candidate.createStatement()) {
                // PostgreSQL notices a writer whose host went away (no FIN, no RST) within about 10 s, not hours.
                s.execute("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3");
            }
        }
        try (PreparedStatement lock = candidate.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, WRITER_LOCK);
            try (ResultSet r = lock.executeQuery()) {
                r.next();
                if (!r.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        Connection held = candidate;
        candidate = null;
        try (PreparedStatement name = held.prepareStatement(
                "UPDATE view_writer SET generation = generation + 1, instance = ?, url = ?, since = now() WHERE id = 1 RETURNING generation")) {
            name.setString(1, instance);
            name.setString(2, url);
            try (ResultSet r = name.executeQuery()) {
                r.next();
                return Optional.of(new WriterLease(held, r.getLong(1)));
            }
        } catch (SQLException e) {
            closeQuietly(held);
            throw e;
        }
    }

    /** Stops asking (on shutdown). */
    public void stop() {
        closeQuietly(candidate);
        candidate = null;
    }

    /** The writer as it last named itself (it may have died since; a standby takes over within seconds). */
    @SuppressWarnings("unchecked")
    @Transactional
    public Optional<Writer> current() {
        List<Object[]> rows = em.createNativeQuery("SELECT generation, instance, url, since FROM view_writer WHERE id = 1 AND instance IS NOT NULL")
                .getResultList();
        return rows.stream().findFirst().map(r -> new Writer(((Number) r[0]).longValue(), (String) r[1], (String) r[2], instant(r[3])));
    }

    private static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        } else if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a connection that is going anyway
        }
    }
}
