package org.understudy.succession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.UUID;

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
            versionMoved(c);
        }
    }

    /** After writing rows straight into the view's tables. */
    public static void versionMoved(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("UPDATE view_version SET version = version + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
    }
}
