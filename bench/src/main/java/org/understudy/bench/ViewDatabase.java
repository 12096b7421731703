package org.understudy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** succession-service's database, read (and emptied, for a catch-up) by the bench over JDBC. */
final class ViewDatabase {
    private final String url;

    ViewDatabase(int pgPort) {
        this.url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/understudy_succession";
    }

    /** Events whose history rows are there twice for one post: what a view that applied an event twice shows. */
    long appliedTwice() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT post_id, event_id FROM post_succession_history"
                     + " WHERE event_id IS NOT NULL GROUP BY post_id, event_id HAVING count(*) > 1) twice")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Drops succession-service's tables if they are of a later version than {@code atMost} (the schema
     * history's highest version): a build from before that version cannot start on them. The view is
     * rebuilt from the topics; the service makes its tables again at start.
     *
     * @return whether they were dropped
     */
    boolean dropIfNewerThan(int atMost) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return false;
                }
            }
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(version::int), 0) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                r.next();
                if (r.getInt(1) <= atMost) {
                    return false;
                }
            }
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
            return true;
        }
    }

    /** {@code ViewDatabase <pg-port> <highest migration>}: drops the view's tables if a later migration made them. */
    public static void main(String[] args) throws Exception {
        if (new ViewDatabase(Integer.parseInt(args[0])).dropIfNewerThan(Integer.parseInt(args[1]))) {
            System.out.println("succession-service's tables were of a later version: dropped (the view is rebuilt from the topics)");
        }
    }

    /**
     * Empties the view, as if succession-service had never applied anything: every table it rebuilds, and
     * the positions it keeps with them (the tables that exist in this version of the service).
     */
    void empty() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            for (String t : List.of("organisation_view", "post_succession", "candidate_view", "candidate_readiness", "candidate_nomination",
                    "candidate_exit", "vacancy_view", "post_candidate", "post_succession_history", "applied_event", "view_offset")) {
                try (ResultSet r = s.executeQuery("SELECT to_regclass('" + t + "') IS NOT NULL")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        tables.add(t);
                    }
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables));
        }
    }
}
