package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.understudy.events.CandidateState;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.ViewState;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replaces the stored view with a rebuilt one in one transaction, on the writer's connection: empties
 * the view's tables and copies every row in (COPY, not a statement per row), with the positions the
 * rebuild reached. Readers see the old view until it commits (they wait on the emptied tables
 * meanwhile), never a half-written one; if anything fails, the old view stays as it was.
 */
@ApplicationScoped
public class ViewBulkWriter {
    private final ViewVersionListener versions;

    @Inject
    public ViewBulkWriter(ViewVersionListener versions) {
        this.versions = versions;
    }

    /** How many rows went into each table, in order. */
    public record Written(Map<String, Long> rows) {
    }

    /**
     * Replaces the view with this one; its history rows are in the spill file.
     *
     * @throws WriterLease.LostRole when another instance has taken the role: nothing was written
     */
    public Written replace(WriterLease lease, ViewState view, RebuildSpill spill, List<ChangeSetWriter.Position> positions)
            throws SQLException {
        Connection c = lease.connection();
        c.setAutoCommit(false);
        Map<String, Long> rows = new LinkedHashMap<>();
        long version;
        try {
            lease.fence();
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ChangeSetWriter.VIEW_LOCK);
                lock.execute();
            }
            try (Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                ViewTables.ALL.forEach(t -> tables.add(t.name()));
                s.execute("TRUNCATE " + String.join(", ", tables) + ", view_offset");
            }
            version = ChangeSetWriter.moveVersion(c, view.day());
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            rows.put("organisation_view", ViewTables.ORGANISATIONS.copy(copy, "organisation_view", view.organisations()));
            List<ViewTables.PostRow> posts = new ArrayList<>(view.posts().size());
            for (PostSuccession p : view.posts()) {
                posts.add(new ViewTables.PostRow(p, view.historyCount(p.postId), version));
            }
            rows.put("post_succession", ViewTables.POSTS.copy(copy, "post_succession", posts));
            rows.put("candidate_view", ViewTables.CANDIDATES.copy(copy, "candidate_view", view.candidates()));
            Map<UUID, ViewState.Details> details = new LinkedHashMap<>();
            for (CandidateView candidate : view.candidates()) {
                details.put(candidate.candidateId, view.details(candidate.candidateId));
            }
            List<ViewTables.Detail<CandidateState.RoleReadiness>> readiness = new ArrayList<>();
            List<ViewTables.Detail<CandidateState.Nomination>> nominations = new ArrayList<>();
            List<ViewTables.Detail<CandidateState.Exit>> exits = new ArrayList<>();
            List<ViewTables.Detail<CandidateState.RoleReadiness>> earlier = new ArrayList<>();
            details(details, readiness, nominations, exits, earlier);
            rows.put("candidate_readiness", ViewTables.READINESS.copy(copy, "candidate_readiness", readiness));
            rows.put("candidate_earlier_readiness", ViewTables.EARLIER_READINESS.copy(copy, "candidate_earlier_readiness", earlier));
            rows.put("candidate_nomination", ViewTables.NOMINATIONS.copy(copy, "candidate_nomination", nominations));
            rows.put("candidate_exit", ViewTables.EXITS.copy(copy, "candidate_exit", exits));
            rows.put("vacancy_view", ViewTables.VACANCIES.copy(copy, "vacancy_view", view.vacancies()));
            List<ViewTables.Pair> pairs = new ArrayList<>();
            for (Map.Entry<UUID, Map<UUID, Contribution>> post : view.contributions().entrySet()) {
                post.getValue().forEach((candidate, c2) -> pairs.add(new ViewTables.Pair(post.getKey(), candidate, c2)));
            }
            rows.put("post_candidate", ViewTables.CONTRIBUTIONS.copy(copy, "post_candidate", pairs));
            rows.put("post_departure", ViewTables.DEPARTURES.copy(copy, "post_departure", view.departures()));
            spill.finish();
            try (Reader in = Files.newBufferedReader(spill.historyFile(), StandardCharsets.UTF_8)) {
                rows.put("post_succession_history", copy.copyIn("COPY post_succession_history (" + ViewTables.HISTORY.columnList()
                        + ") FROM STDIN", in, 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChangeSetWriter.savePositions(c, positions);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            ChangeSetWriter.rollbackQuietly(c);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        versions.committed(version);
        return new Written(rows);
    }

    /** The candidates' details as rows, exits and replaced assessments numbered in their order. */
    static void details(Map<UUID, ViewState.Details> details, List<ViewTables.Detail<CandidateState.RoleReadiness>> readiness,
                        List<ViewTables.Detail<CandidateState.Nomination>> nominations, List<ViewTables.Detail<CandidateState.Exit>> exits,
                        List<ViewTables.Detail<CandidateState.RoleReadiness>> earlier) {
        details.forEach((candidate, d) -> {
            int replaced = 0;
            for (CandidateState.RoleReadiness r : d.earlierReadiness()) {
                earlier.add(new ViewTables.Detail<>(candidate, replaced++, r));
            }
            d.readiness().forEach(r -> readiness.add(new ViewTables.Detail<>(candidate, 0, r)));
            d.nominations().forEach(n -> nominations.add(new ViewTables.Detail<>(candidate, 0, n)));
            int seq = 0;
            for (CandidateState.Exit x : d.exits()) {
                exits.add(new ViewTables.Detail<>(candidate, seq++, x));
            }
        });
    }
}
