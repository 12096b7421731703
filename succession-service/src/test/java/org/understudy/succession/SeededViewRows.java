package org.understudy.succession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.UUID;

/** Removes view rows a test wrote straight into the tables (vacancies, posts, organisations). */
public final class SeededViewRows {
    private SeededViewRows() {
    }

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
        }
    }
}
