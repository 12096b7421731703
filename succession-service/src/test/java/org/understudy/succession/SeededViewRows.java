package org.understudy.succession;

import io.quarkus.arc.Arc;
import org.understudy.succession.events.ViewChangeFeed;
import org.understudy.succession.persistence.ViewVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * View rows a test writes straight into the tables (vacancies, posts, organisations): the version of
 * the view moves on with them, as it does when the consumers write, so that no answer kept for an
 * earlier version (the live list's pages) is handed out as if nothing had changed.
 */
public final class SeededViewRows {
    private SeededViewRows() {
    }

    /** Removes the rows again. */
    public static void remove(DataSource dataSource, Collection<String> odsCodes, Collection<UUID> posts,
                              Collection<UUID> vacancies) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement v = c.prepareStatement("DELETE FROM vacancy_view WHERE vacancy_id = ANY (?)");
             PreparedStatement p = c.prepareStatement("DELETE FROM post_succession WHERE post_id = ANY (?)");
             PreparedStatement o = c.prepareStatement("DELETE FROM organisation_view WHERE ods_code = ANY (?)")) {
            v.setArray(1, c.createArrayOf("uuid", vacancies.toArray()));
            v.executeUpdate();
            p.setArray(1, c.createArrayOf("uuid", posts.toArray()));
            p.executeUpdate();
            o.setArray(1, c.createArrayOf("varchar", odsCodes.toArray()));
            o.executeUpdate();
            versionMoved(c, posts);
        }
    }

    /**
     * After writing rows straight into the view's tables (on a connection that commits each statement):
     * moves the version on, marks the given posts changed at that version as the writer marks the rows
     * it writes (one statement, so both commit together), and waits until the service under test has
     * read those changes, as it would have at once had its writer written the rows.
     */
    public static void versionMoved(Connection c, Collection<UUID> changedPosts) throws Exception {
        long moved;
        try (PreparedStatement s = c.prepareStatement("WITH moved AS (UPDATE view_version SET version = version + 1 WHERE id = 1"
                + " RETURNING version), marked AS (UPDATE post_succession SET changed_version = (SELECT version FROM moved)"
                + " WHERE post_id = ANY (?) RETURNING post_id) SELECT version, (SELECT count(*) FROM marked) FROM moved")) {
            s.setArray(1, c.createArrayOf("uuid", changedPosts.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                moved = r.getLong(1);
            }
        }
        ViewVersion version = Arc.container().instance(ViewVersion.class).get();
        ViewChangeFeed feed = Arc.container().instance(ViewChangeFeed.class).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> version.latest() >= moved && feed.seen() >= moved);
    }
}
