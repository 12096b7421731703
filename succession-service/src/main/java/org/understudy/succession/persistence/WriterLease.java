package org.understudy.succession.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The writer's role, held: the connection that holds the writer's lock (every change-set is written on
 * it) and the generation this instance took the role at. Closing it gives the role up.
 */
public final class WriterLease implements AutoCloseable {
    private final Connection connection;
    private final long generation;

    WriterLease(Connection connection, long generation) {
        this.connection = connection;
        this.generation = generation;
    }

    /** The connection holding the lock: write the view on this one only. */
    public Connection connection() {
        return connection;
    }

    public long generation() {
        return generation;
    }

    /** Whether the connection (and with it the lock) still answers. */
    public boolean alive() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Inside a write's transaction: fails unless this lease's generation is still the writer's (the
     * row is locked until the transaction ends, so a new writer cannot name itself meanwhile).
     */
    void fence() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT generation FROM view_writer WHERE id = 1 FOR UPDATE");
             ResultSet r = s.executeQuery()) {
            r.next();
            long current = r.getLong(1);
            if (current != generation) {
                throw new LostRole("the writer's role moved to generation " + current + " (this writer holds " + generation + ")");
            }
        }
    }

    @Override
    public void close() {
        WriterElection.closeQuietly(connection);
    }

    /** This instance is no longer the writer: it must stop writing. */
    public static final class LostRole extends SQLException {
        LostRole(String message) {
            super(message, "UWLOST");
        }
    }
}
