package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.understudy.events.CandidateState;
import org.understudy.platform.outbox.Outbox;
import org.understudy.succession.domain.ChangeSet;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.ViewState;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one change-set of the view in one transaction, on the writer's connection: the changed rows
 * (copied into staging tables and merged in: two statements a table, whatever the number of rows), the
 * new history rows, the positions reached in each topic-partition, the view's new version and day, and
 * the alerts' events in the outbox. Fenced: the transaction checks that this writer still holds the
 * role. It also takes the view's transaction lock, so an assessment being recorded sees the view either
 * before or after a change-set, never half of one.
 */
@ApplicationScoped
public class ChangeSetWriter {
    /** The view's transaction lock ("Successi"): change-sets and assessments being recorded take it. */
    public static final long VIEW_LOCK = 0x5375_6363_6573_7369L;

    private static final List<ViewTables.Table<?>> MERGED = List.of(ViewTables.ORGANISATIONS, ViewTables.POSTS,
            ViewTables.CANDIDATES, ViewTables.VACANCIES, ViewTables.CONTRIBUTIONS);

    private final ViewVersionListener versions;
    private final Outbox outbox;

    @Inject
    public ChangeSetWriter(ViewVersionListener versions, Outbox outbox) {
        this.versions = versions;
        this.outbox = outbox;
    }

    /** A topic-partition and the next offset to apply there. */
    public record Position(String topic, int partition, long nextOffset) {
    }

    /** Creates the staging tables on a writer's connection (they live as long as it does). */
    public void prepare(WriterLease lease) throws SQLException {
        try (Statement s = lease.connection().createStatement()) {
            for (ViewTables.Table<?> t : MERGED) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage(t) + " (LIKE " + t.name() + " INCLUDING DEFAULTS)");
            }
            s.execute("CREATE TEMP TABLE IF NOT EXISTS stage_pair_gone (post_id UUID NOT NULL, candidate_id UUID NOT NULL)");
        }
    }

    /**
     * Writes the change-set, the positions it brings the view to and the alerts it raised, in one
     * transaction; once it has committed, this instance's read caches and the outbox relay are told.
     *
     * @return the view's new version
     * @throws WriterLease.LostRole when another instance has taken the role: nothing was written
     */
    public long write(WriterLease lease, ChangeSet changes, List<Position> positions, List<Outbox.Pending> alerts) throws SQLException {
        Connection c = lease.connection();
        c.setAutoCommit(false);
        long version;
        try {
            lease.fence();
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, VIEW_LOCK);
                lock.execute();
            }
            version = moveVersion(c, changes.day());
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            merge(c, copy, ViewTables.ORGANISATIONS, changes.organisations());
            List<ViewTables.PostRow> posts = new ArrayList<>(changes.posts().size());
            for (PostSuccession p : changes.posts()) {
                posts.add(new ViewTables.PostRow(p, changes.historyCounts().getOrDefault(p.postId, 0L), version));
            }
            merge(c, copy, ViewTables.POSTS, posts);
            merge(c, copy, ViewTables.CANDIDATES, changes.candidates());
            replaceDetails(c, copy, changes.candidateDetails());
            merge(c, copy, ViewTables.VACANCIES, changes.vacancies());
            writeContributions(c, copy, changes.contributions());
            if (!changes.history().isEmpty()) {
                ViewTables.HISTORY.copy(copy, ViewTables.HISTORY.name(), changes.history());
            }
            savePositions(c, positions);
            outbox.insert(c, alerts);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        versions.committed(version);
        if (!alerts.isEmpty()) {
            outbox.committed();
        }
        return version;
    }

    /** Moves the version on (and the day, when it moved): announced to every instance on commit. */
    static long moveVersion(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE view_version SET version = version + 1, day = COALESCE(?, day) WHERE id = 1 RETURNING version")) {
            s.setObject(1, day == null ? null : Date.valueOf(day), java.sql.Types.DATE);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void savePositions(Connection c, List<Position> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO view_offset (topic, record_partition, next_offset) VALUES (?, ?, ?) "
                + "ON CONFLICT (topic, record_partition) DO UPDATE SET next_offset = EXCLUDED.next_offset")) {
            for (Position p : positions) {
                s.setString(1, p.topic());
                s.setInt(2, p.partition());
                s.setLong(3, p.nextOffset());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Copies the rows into the table's staging twin and merges them in by key. */
    private static <T> void merge(Connection c, CopyManager copy, ViewTables.Table<T> table, java.util.Collection<T> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        table.copy(copy, stage(table), rows);
        List<String> updates = new ArrayList<>();
        for (String column : table.columns()) {
            if (!table.key().contains(column)) {
                updates.add(column + " = EXCLUDED." + column);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + table.name() + " (" + table.columnList() + ") SELECT " + table.columnList() + " FROM " + stage(table)
                    + " ON CONFLICT (" + String.join(", ", table.key()) + ") DO UPDATE SET " + String.join(", ", updates));
            s.execute("DELETE FROM " + stage(table));
        }
    }

    /** A changed candidate's readiness, nominations and exits: the old rows go, the new ones are copied in. */
    private static void replaceDetails(Connection c, CopyManager copy, Map<UUID, ViewState.Details> details) throws SQLException {
        if (details.isEmpty()) {
            return;
        }
        java.sql.Array ids = c.createArrayOf("uuid", details.keySet().toArray());
        for (ViewTables.Table<?> t : List.of(ViewTables.READINESS, ViewTables.NOMINATIONS, ViewTables.EXITS)) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + t.name() + " WHERE candidate_id = ANY(?)")) {
                s.setArray(1, ids);
                s.execute();
            }
        }
        List<ViewTables.Detail<CandidateState.RoleReadiness>> readiness = new ArrayList<>();
        List<ViewTables.Detail<CandidateState.Nomination>> nominations = new ArrayList<>();
        List<ViewTables.Detail<CandidateState.Exit>> exits = new ArrayList<>();
        ViewBulkWriter.details(details, readiness, nominations, exits);
        copyIfAny(copy, ViewTables.READINESS, readiness);
        copyIfAny(copy, ViewTables.NOMINATIONS, nominations);
        copyIfAny(copy, ViewTables.EXITS, exits);
    }

    /** Pairs that count now are merged in; pairs that no longer count are removed. */
    private static void writeContributions(Connection c, CopyManager copy, Map<ViewState.Pair, Contribution> changed) throws SQLException {
        List<ViewTables.Pair> counting = new ArrayList<>();
        List<ViewState.Pair> gone = new ArrayList<>();
        changed.forEach((pair, contribution) -> {
            if (contribution.counts()) {
                counting.add(new ViewTables.Pair(pair.postId(), pair.candidateId(), contribution));
            } else {
                gone.add(pair);
            }
        });
        if (!gone.isEmpty()) {
            new ViewTables.Table<ViewState.Pair>("stage_pair_gone", List.of(), List.of("post_id", "candidate_id"),
                    (out, p) -> out.fields(p.postId(), p.candidateId())).copy(copy, "stage_pair_gone", gone);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM post_candidate t USING stage_pair_gone g WHERE t.post_id = g.post_id AND t.candidate_id = g.candidate_id");
                s.execute("DELETE FROM stage_pair_gone");
            }
        }
        merge(c, copy, ViewTables.CONTRIBUTIONS, counting);
    }

    private static <T> void copyIfAny(CopyManager copy, ViewTables.Table<T> table, List<T> rows) throws SQLException {
        if (!rows.isEmpty()) {
            table.copy(copy, table.name(), rows);
        }
    }

    private static String stage(ViewTables.Table<?> table) {
        return "stage_" + table.name();
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the transaction is gone with it
        }
    }
}
