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
 * (copied into staging tables, then merged in by one batch of statements sent together, whatever the
 * number of rows; the staging tables empty themselves at commit), the new history rows, the positions reached in each topic-partition, the view's new version and day, and
 * the alerts: their events in the outbox, themselves in the alert log with their webhook deliveries. Fenced: the transaction checks that this writer still holds the
 * role. It also takes the view's transaction lock, so an assessment being recorded sees the view either
 * before or after a change-set, never half of one.
 */
@ApplicationScoped
public class ChangeSetWriter {
    /** The view's transaction lock ("Successi"): change-sets and assessments being recorded take it. */
    public static final long VIEW_LOCK = 0x5375_6363_6573_7369L;

    private static final ViewTables.Table<ViewState.Pair> PAIRS_GONE = new ViewTables.Table<>("stage_pair_gone", List.of(),
            List.of("post_id", "candidate_id"), (out, p) -> out.fields(p.postId(), p.candidateId()));
    private static final ViewTables.Table<UUID> DETAIL_OWNERS = new ViewTables.Table<>("stage_detail_owner", List.of(),
            List.of("candidate_id"), (out, id) -> out.fields(id));
    private static final List<ViewTables.Table<?>> MERGED = List.of(ViewTables.ORGANISATIONS, ViewTables.POSTS,
            ViewTables.CANDIDATES, ViewTables.VACANCIES, ViewTables.CONTRIBUTIONS);

    private final ViewVersionListener versions;
    private final Outbox outbox;
    private final AlertLog alertLog;

    @Inject
    public ChangeSetWriter(ViewVersionListener versions, Outbox outbox, AlertLog alertLog) {
        this.versions = versions;
        this.outbox = outbox;
        this.alertLog = alertLog;
    }

    /** A topic-partition and the next offset to apply there. */
    public record Position(String topic, int partition, long nextOffset) {
    }

    /** Creates the staging tables on a writer's connection (they live as long as it does). */
    public void prepare(WriterLease lease) throws SQLException {
        try (Statement s = lease.connection().createStatement()) {
            for (ViewTables.Table<?> t : MERGED) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage(t) + " (LIKE " + t.name() + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
            }
            s.execute("CREATE TEMP TABLE IF NOT EXISTS stage_pair_gone (post_id UUID NOT NULL, candidate_id UUID NOT NULL) ON COMMIT DELETE ROWS");
            s.execute("CREATE TEMP TABLE IF NOT EXISTS stage_detail_owner (candidate_id UUID NOT NULL) ON COMMIT DELETE ROWS");
        }
    }

    /**
     * Writes the change-set, the positions it brings the view to and the alerts it raised, in one
     * transaction; once it has committed, this instance's read caches and the outbox relay are told.
     *
     * @return the view's new version
     * @throws WriterLease.LostRole when another instance has taken the role: nothing was written
     */
    public long write(WriterLease lease, ChangeSet changes, List<Position> positions, List<AlertLog.Entry> alerts) throws SQLException {
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
            List<ViewTables.PostRow> posts = new ArrayList<>(changes.posts().size());
            for (PostSuccession p : changes.posts()) {
                posts.add(new ViewTables.PostRow(p, changes.historyCounts().getOrDefault(p.postId, 0L), version));
            }
            // Staged first, then merged by one batch (the statements travel together), then the details'
            // and history's new rows copied straight in.
            List<String> batch = new ArrayList<>();
            stage(copy, ViewTables.ORGANISATIONS, changes.organisations(), batch);
            stage(copy, ViewTables.POSTS, posts, batch);
            stage(copy, ViewTables.CANDIDATES, changes.candidates(), batch);
            stage(copy, ViewTables.VACANCIES, changes.vacancies(), batch);
            stageContributions(copy, changes.contributions(), batch);
            stageDetailOwners(copy, changes.candidateDetails(), batch);
            markAnswersChanged(changes, version, batch);
            if (!batch.isEmpty()) {
                try (Statement s = c.createStatement()) {
                    for (String sql : batch) {
                        s.addBatch(sql);
                    }
                    s.executeBatch();
                }
            }
            copyDetails(copy, changes.candidateDetails());
            if (!changes.history().isEmpty()) {
                ViewTables.HISTORY.copy(copy, ViewTables.HISTORY.name(), changes.history());
            }
            if (!changes.departures().isEmpty()) {
                ViewTables.DEPARTURES.copy(copy, ViewTables.DEPARTURES.name(), changes.departures());
            }
            savePositions(c, positions);
            outbox.insert(c, alerts.stream().map(AlertLog.Entry::event).toList());
            alertLog.insert(c, alerts);
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

    /** Copies the rows into the table's staging twin; the statement merging them in by key joins the batch. */
    private static <T> void stage(CopyManager copy, ViewTables.Table<T> table, java.util.Collection<T> rows, List<String> batch)
            throws SQLException {
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
        batch.add("INSERT INTO " + table.name() + " (" + table.columnList() + ") SELECT " + table.columnList() + " FROM " + stage(table)
                + " ON CONFLICT (" + String.join(", ", table.key()) + ") DO UPDATE SET " + String.join(", ", updates));
    }

    /**
     * A post's answer also shows its organisation's and its vacancies' rows: posts whose organisation or
     * vacancy changed are marked changed at this version too, so that every instance's change feed
     * names them (read caches refresh them, the stream sends them).
     */
    private static void markAnswersChanged(ChangeSet changes, long version, List<String> batch) {
        if (!changes.organisations().isEmpty()) {
            batch.add("UPDATE post_succession p SET changed_version = " + version + " FROM " + stage(ViewTables.ORGANISATIONS)
                    + " o WHERE p.ods_code = o.ods_code AND p.changed_version <> " + version);
        }
        if (!changes.vacancies().isEmpty()) {
            batch.add("UPDATE post_succession p SET changed_version = " + version + " FROM " + stage(ViewTables.VACANCIES)
                    + " v WHERE p.post_id = v.post_id AND p.changed_version <> " + version);
        }
    }

    /** Pairs that count now are staged to be merged in; pairs that no longer count, to be removed. */
    private static void stageContributions(CopyManager copy, Map<ViewState.Pair, Contribution> changed, List<String> batch) throws SQLException {
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
            PAIRS_GONE.copy(copy, PAIRS_GONE.name(), gone);
            batch.add("DELETE FROM post_candidate t USING stage_pair_gone g WHERE t.post_id = g.post_id AND t.candidate_id = g.candidate_id");
        }
        stage(copy, ViewTables.CONTRIBUTIONS, counting, batch);
    }

    /** A changed candidate's readiness, nominations and exits: staged so that the old rows go in the batch. */
    private static void stageDetailOwners(CopyManager copy, Map<UUID, ViewState.Details> details, List<String> batch) throws SQLException {
        if (details.isEmpty()) {
            return;
        }
        DETAIL_OWNERS.copy(copy, DETAIL_OWNERS.name(), details.keySet());
        for (ViewTables.Table<?> t : List.of(ViewTables.READINESS, ViewTables.EARLIER_READINESS, ViewTables.NOMINATIONS, ViewTables.EXITS)) {
            batch.add("DELETE FROM " + t.name() + " t USING stage_detail_owner o WHERE t.candidate_id = o.candidate_id");
        }
    }

    /** The changed candidates' new readiness, nomination and exit rows (their old ones went in the batch). */
    private static void copyDetails(CopyManager copy, Map<UUID, ViewState.Details> details) throws SQLException {
        if (details.isEmpty()) {
            return;
        }
        List<ViewTables.Detail<CandidateState.RoleReadiness>> readiness = new ArrayList<>();
        List<ViewTables.Detail<CandidateState.Nomination>> nominations = new ArrayList<>();
        List<ViewTables.Detail<CandidateState.Exit>> exits = new ArrayList<>();
        List<ViewTables.Detail<CandidateState.RoleReadiness>> earlier = new ArrayList<>();
        ViewBulkWriter.details(details, readiness, nominations, exits, earlier);
        copyIfAny(copy, ViewTables.READINESS, readiness);
        copyIfAny(copy, ViewTables.EARLIER_READINESS, earlier);
        copyIfAny(copy, ViewTables.NOMINATIONS, nominations);
        copyIfAny(copy, ViewTables.EXITS, exits);
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
