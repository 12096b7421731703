package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyInputStream;
import org.postgresql.copy.PGCopyOutputStream;
import org.understudy.events.CandidateState;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.MemoryViewStore;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.UuidSet;
import org.understudy.succession.domain.VacancyView;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Replaces the stored view with a rebuilt one in one transaction: empties the view's tables and
 * copies every row in (COPY, not a statement per row). Readers see the old view until it commits
 * (they wait on the emptied tables meanwhile), never a half-written one; if anything fails, the old
 * view stays as it was.
 */
@ApplicationScoped
public class ViewBulkWriter {
    /**
     * The tables a rebuild replaces, parents before children. Not dismissal_assessment (authoritative
     * records) nor view_version (it moves on).
     */
    public static final List<String> VIEW_TABLES = List.of("organisation_view", "post_succession", "candidate_view",
            "candidate_readiness", "candidate_nomination", "candidate_exit", "vacancy_view", "post_candidate",
            "post_succession_history", "applied_event");

    @Inject
    EntityManager em;

    @Inject
    SqlViewStore store;

    @Inject
    ViewVersion viewVersion;

    /** How many rows went into each table, in order. */
    public record Written(Map<String, Long> rows) {
    }

    /**
     * The ids of every event the stored view has applied (read before a rebuild replaces them), copied
     * out in PostgreSQL's binary format: reading half a million uuids from a result set was a tenth of
     * the rebuild thread's profile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UuidSet appliedEventIds() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    new PGCopyInputStream(copy.copyOut("COPY applied_event (event_id) TO STDOUT (FORMAT binary)")), 1 << 16))) {
                return BinaryUuidColumn.read(in, new UuidSet(1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Empties the view's tables (the view's lock held): what a rebuild does before writing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void empty() {
        store.lock();
        em.createNativeQuery("TRUNCATE " + String.join(", ", VIEW_TABLES)).executeUpdate();
        viewVersion.bump(); // cached answers of the emptied view are void
    }

    /** Replaces the view with the rebuilt one, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written replace(MemoryViewStore view, RebuildSpill spill) {
        empty();
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            rows.put("organisation_view", copy(copy, "organisation_view (ods_code, name, region, organisation_type, oversight_segment, version, updated_at)", out -> {
                for (OrganisationView o : view.organisations()) {
                    out.fields(o.odsCode, o.name, o.region, o.organisationType, o.oversightSegment, o.version, o.updatedAt).end();
                }
            }));
            rows.put("post_succession", copy(copy, "post_succession (post_id, ods_code, role, version, named_ready_now, pool_ready_now, "
                    + "ready_now, ready_soon, replaceability, last_event_id, last_topic, last_partition, last_offset, updated_at, "
                    + "incumbent_candidate_id, incumbent_since, incumbent_interim, last_departure_date, last_departure_reason, applicants, "
                    + "shortlisted, last_shortlist_size, open_vacancy_id, latest_vacancy_id, interim_candidate_id, interim_named_on)", out -> {
                for (PostSuccession p : view.posts()) {
                    out.fields(p.postId, p.odsCode, p.role, p.version, p.namedReadyNow, p.poolReadyNow, p.readyNow, p.readySoon,
                            p.replaceability, p.lastEventId, p.lastTopic, p.lastPartition, p.lastOffset, p.updatedAt,
                            p.incumbentCandidateId, p.incumbentSince, p.incumbentInterim, p.lastDepartureDate, p.lastDepartureReason,
                            p.applicants, p.shortlisted, p.lastShortlistSize, p.openVacancyId, p.latestVacancyId, p.interimCandidateId,
                            p.interimNamedOn).end();
                }
            }));
            rows.put("candidate_view", copy(copy, "candidate_view (candidate_id, status, fit_status, fit_checked_on, regions, "
                    + "organisation_types, considers_challenged, version, updated_at)", out -> {
                for (CandidateView c : view.candidates()) {
                    out.fields(c.candidateId, c.status, c.fitStatus, c.fitCheckedOn, c.regions, c.organisationTypes,
                            c.considersChallenged, c.version, c.updatedAt).end();
                }
            }));
            rows.put("candidate_readiness", copy(copy, "candidate_readiness (candidate_id, role, level, assessed_on)", out -> {
                for (CandidateView c : view.candidates()) {
                    for (CandidateState.RoleReadiness r : view.details(c.candidateId).readiness()) {
                        out.fields(c.candidateId, r.role(), r.level(), r.assessedOn()).end();
                    }
                }
            }));
            rows.put("candidate_nomination", copy(copy, "candidate_nomination (candidate_id, post_id, readiness, nominated_on)", out -> {
                for (CandidateView c : view.candidates()) {
                    for (CandidateState.Nomination n : view.details(c.candidateId).nominations()) {
                        out.fields(c.candidateId, n.postId(), n.readiness(), n.nominatedOn()).end();
                    }
                }
            }));
            rows.put("candidate_exit", copy(copy, "candidate_exit (candidate_id, seq, post_id, ods_code, role, exit_date, reason)", out -> {
                for (CandidateView c : view.candidates()) {
                    int seq = 0;
                    for (CandidateState.Exit x : view.details(c.candidateId).exits()) {
                        out.fields(c.candidateId, seq++, x.postId(), x.odsCode(), x.role(), x.date(), x.reason()).end();
                    }
                }
            }));
            rows.put("vacancy_view", copy(copy, "vacancy_view (vacancy_id, post_id, status, live_applications, shortlist_size, readverts, "
                    + "first_advertised_on, filled_on, closed_on, appointed_candidate_id, version, created_at, updated_at)", out -> {
                for (VacancyView v : view.vacancies()) {
                    out.fields(v.vacancyId, v.postId, v.status, v.liveApplications, v.shortlistSize, v.readverts, v.firstAdvertisedOn,
                            v.filledOn, v.closedOn, v.appointedCandidateId, v.version, v.createdAt, v.updatedAt).end();
                }
            }));
            rows.put("post_candidate", copy(copy, "post_candidate (post_id, candidate_id, level, named_now, pool_now, expires_on)", out -> {
                for (Map.Entry<UUID, Map<UUID, Contribution>> post : view.contributions().entrySet()) {
                    for (Map.Entry<UUID, Contribution> e : post.getValue().entrySet()) {
                        Contribution c = e.getValue();
                        out.fields(post.getKey(), e.getKey(), c.level(), c.namedNow(), c.poolNow(), c.expiresOn()).end();
                    }
                }
            }));
            spill.finish();
            rows.put("post_succession_history", copyFile(copy, "post_succession_history (" + RebuildSpill.HISTORY_COLUMNS + ")", spill.historyFile()));
            rows.put("applied_event", copyFile(copy, "applied_event (" + RebuildSpill.APPLIED_COLUMNS + ")", spill.appliedFile()));
        });
        return new Written(rows);
    }

    private static long copy(CopyManager copy, String table, Consumer<CopyText> rows) throws SQLException {
        PGCopyOutputStream stream = new PGCopyOutputStream(copy.copyIn("COPY " + table + " FROM STDIN"), 1 << 16);
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            rows.accept(new CopyText(writer));
            writer.flush();
            return stream.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
        }
    }

    private static long copyFile(CopyManager copy, String table, Path file) throws SQLException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return copy.copyIn("COPY " + table + " FROM STDIN", in, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
