package org.understudy.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells failures worth retrying (the database is away, a lock or serialisation conflict) from
 * failures that will recur for this event whatever we do.
 */
public final class TransientFailures {
    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No state: the pool could not hand out a connection. 08 connection, 40 rollback
                // (serialisation, deadlock), 53 resources, 57 operator intervention, 23505 a concurrent insert.
                if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.equals("23505")) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("LockAcquisitionException")
                    || name.endsWith("LockTimeoutException") || name.endsWith("PessimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
