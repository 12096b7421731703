package org.understudy.succession.persistence;

import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;
import org.understudy.events.CandidateState;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.PostDeparture;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.VacancyView;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The view's tables as rows to COPY: for each, its columns, its key and how one row is written. A
 * rebuild copies whole tables with them; the writer copies a change-set's rows into temporary tables
 * of the same shape and merges them in ({@link ChangeSetWriter}).
 */
final class ViewTables {

    /** One table: its name, key columns, every column (key first), and how a row is written. */
    record Table<T>(String name, List<String> key, List<String> columns, BiConsumer<CopyText, T> row) {
        String columnList() {
            return String.join(", ", columns);
        }

        /** Copies rows into a table of this shape ({@code target}: this table, or its staging twin). */
        long copy(CopyManager copy, String target, Iterable<T> rows) throws SQLException {
            PGCopyOutputStream stream = new PGCopyOutputStream(copy.copyIn("COPY " + target + " (" + columnList() + ") FROM STDIN"), 1 << 16);
            try {
                Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                CopyText out = new CopyText(writer);
                for (T r : rows) {
                    row.accept(out, r);
                    out.end();
                }
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
    }

    /** A post's row with what is kept beside it: its number of history rows, the version it last changed at. */
    record PostRow(PostSuccession post, long historyCount, long changedVersion) {
    }

    /** One (post, candidate) pair that counts. */
    record Pair(UUID postId, UUID candidateId, Contribution contribution) {
    }

    /** One row of a candidate's details, with its candidate. */
    record Detail<T>(UUID candidateId, int seq, T detail) {
    }

    static final Table<OrganisationView> ORGANISATIONS = new Table<>("organisation_view", List.of("ods_code"),
            List.of("ods_code", "name", "region", "organisation_type", "oversight_segment", "integrated_care_board_code", "version", "updated_at"),
            (out, o) -> out.fields(o.odsCode, o.name, o.region, o.organisationType, o.oversightSegment, o.integratedCareBoardCode, o.version,
                    o.updatedAt));

    static final Table<PostRow> POSTS = new Table<>("post_succession", List.of("post_id"),
            List.of("post_id", "ods_code", "role", "version", "named_ready_now", "pool_ready_now", "ready_now", "ready_soon",
                    "replaceability", "last_event_id", "last_topic", "last_partition", "last_offset", "updated_at",
                    "incumbent_candidate_id", "incumbent_since", "incumbent_interim", "last_departure_date", "last_departure_reason",
                    "applicants", "shortlisted", "last_shortlist_size", "open_vacancy_id", "latest_vacancy_id", "interim_candidate_id",
                    "interim_named_on", "history_count", "changed_version"),
            (out, r) -> {
                PostSuccession p = r.post();
                out.fields(p.postId, p.odsCode, p.role, p.version, p.namedReadyNow, p.poolReadyNow, p.readyNow, p.readySoon,
                        p.replaceability, p.lastEventId, p.lastTopic, p.lastPartition, p.lastOffset, p.updatedAt,
                        p.incumbentCandidateId, p.incumbentSince, p.incumbentInterim, p.lastDepartureDate, p.lastDepartureReason,
                        p.applicants, p.shortlisted, p.lastShortlistSize, p.openVacancyId, p.latestVacancyId, p.interimCandidateId,
                        p.interimNamedOn, r.historyCount(), r.changedVersion());
            });

    static final Table<CandidateView> CANDIDATES = new Table<>("candidate_view", List.of("candidate_id"),
            List.of("candidate_id", "status", "fit_status", "fit_checked_on", "regions", "organisation_types", "considers_challenged",
                    "version", "updated_at"),
            (out, c) -> out.fields(c.candidateId, c.status, c.fitStatus, c.fitCheckedOn, c.regions, c.organisationTypes,
                    c.considersChallenged, c.version, c.updatedAt));

    static final Table<Detail<CandidateState.RoleReadiness>> READINESS = new Table<>("candidate_readiness", List.of("candidate_id", "role"),
            List.of("candidate_id", "role", "level", "assessed_on"),
            (out, d) -> out.fields(d.candidateId(), d.detail().role(), d.detail().level(), d.detail().assessedOn()));

    static final Table<Detail<CandidateState.RoleReadiness>> EARLIER_READINESS = new Table<>("candidate_earlier_readiness",
            List.of("candidate_id", "seq"), List.of("candidate_id", "seq", "role", "level", "assessed_on"),
            (out, d) -> out.fields(d.candidateId(), d.seq(), d.detail().role(), d.detail().level(), d.detail().assessedOn()));

    static final Table<Detail<CandidateState.Nomination>> NOMINATIONS = new Table<>("candidate_nomination", List.of("candidate_id", "post_id"),
            List.of("candidate_id", "post_id", "readiness", "nominated_on"),
            (out, d) -> out.fields(d.candidateId(), d.detail().postId(), d.detail().readiness(), d.detail().nominatedOn()));

    static final Table<Detail<CandidateState.Exit>> EXITS = new Table<>("candidate_exit", List.of("candidate_id", "seq"),
            List.of("candidate_id", "seq", "post_id", "ods_code", "role", "exit_date", "reason"),
            (out, d) -> out.fields(d.candidateId(), d.seq(), d.detail().postId(), d.detail().odsCode(), d.detail().role(),
                    d.detail().date(), d.detail().reason()));

    static final Table<VacancyView> VACANCIES = new Table<>("vacancy_view", List.of("vacancy_id"),
            List.of("vacancy_id", "post_id", "status", "live_applications", "shortlist_size", "readverts", "first_advertised_on",
                    "filled_on", "closed_on", "appointed_candidate_id", "version", "created_at", "updated_at"),
            (out, v) -> out.fields(v.vacancyId, v.postId, v.status, v.liveApplications, v.shortlistSize, v.readverts,
                    v.firstAdvertisedOn, v.filledOn, v.closedOn, v.appointedCandidateId, v.version, v.createdAt, v.updatedAt));

    static final Table<Pair> CONTRIBUTIONS = new Table<>("post_candidate", List.of("post_id", "candidate_id"),
            List.of("post_id", "candidate_id", "level", "named_now", "pool_now", "expires_on"),
            (out, p) -> out.fields(p.postId(), p.candidateId(), p.contribution().level(), p.contribution().namedNow(),
                    p.contribution().poolNow(), p.contribution().expiresOn()));

    /** Appended only (its ids, from a sequence, keep the order rows were written in). */
    static final Table<PostSuccessionHistory> HISTORY = new Table<>("post_succession_history", List.of(),
            List.of("post_id", "effective_at", "cause", "event_id", "event_topic", "event_partition", "event_offset", "ready_now",
                    "ready_soon", "named_ready_now", "pool_ready_now", "replaceability", "applicants", "shortlisted",
                    "last_shortlist_size", "incumbent_candidate_id", "interim_candidate_id", "interim_named_on"),
            (out, h) -> out.fields(h.postId, h.effectiveAt, h.cause, h.eventId, h.eventTopic, h.eventPartition, h.eventOffset,
                    h.readyNow, h.readySoon, h.namedReadyNow, h.poolReadyNow, h.replaceability, h.applicants, h.shortlisted,
                    h.lastShortlistSize, h.incumbentCandidateId, h.interimCandidateId, h.interimNamedOn));

    /** Appended only, like history. */
    static final Table<PostDeparture> DEPARTURES = new Table<>("post_departure", List.of(),
            List.of("post_id", "ods_code", "role", "departure_date", "reason", "candidate_id"),
            (out, d) -> out.fields(d.postId(), d.odsCode(), d.role(), d.date(), d.reason(), d.candidateId()));

    /** Every table of the view, parents before children (the order they are emptied and filled in). */
    static final List<Table<?>> ALL = List.of(ORGANISATIONS, POSTS, CANDIDATES, READINESS, EARLIER_READINESS, NOMINATIONS, EXITS,
            VACANCIES, CONTRIBUTIONS, HISTORY, DEPARTURES);

    private ViewTables() {
    }
}
