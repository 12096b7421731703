package org.understudy.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.VacancyStatus;
import org.understudy.succession.domain.CandidateView;
import org.understudy.succession.domain.Contribution;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.PostSuccessionHistory;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.PostDeparture;
import org.understudy.succession.domain.VacancyView;
import org.understudy.succession.domain.ViewState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the stored view into memory, with the positions it reflects: what a writer does when it takes
 * the role (at start, or when another writer died) and after a failed write. One snapshot (a
 * repeatable-read transaction), so the rows and the positions agree.
 */
@ApplicationScoped
public class ViewLoader {

    /** The stored view and where it stands in each topic-partition. */
    public record Loaded(ViewState view, List<ChangeSetWriter.Position> positions, long version) {
    }

    public Loaded load(WriterLease lease) throws SQLException {
        Connection c = lease.connection();
        c.setAutoCommit(false);
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            ViewState view = new ViewState();
            ViewState.Loader load = view.load();
            query(c, "SELECT ods_code, name, region, organisation_type, oversight_segment, version, updated_at, integrated_care_board_code"
                    + " FROM organisation_view", r -> {
                OrganisationView o = new OrganisationView();
                o.odsCode = r.getString(1);
                o.name = r.getString(2);
                o.region = Region.valueOf(r.getString(3));
                o.organisationType = OrganisationType.valueOf(r.getString(4));
                o.oversightSegment = r.getObject(5, Integer.class);
                o.version = r.getLong(6);
                o.updatedAt = r.getObject(7, OffsetDateTime.class);
                o.integratedCareBoardCode = r.getString(8);
                load.organisation(o);
            });
            query(c, "SELECT " + ViewTables.POSTS.columnList() + " FROM post_succession", r -> load.post(post(r), r.getLong("history_count")));
            query(c, "SELECT h.* FROM post_succession p CROSS JOIN LATERAL (SELECT * FROM post_succession_history x"
                    + " WHERE x.post_id = p.post_id ORDER BY x.id DESC LIMIT 1) h", r -> load.lastHistory(history(r)));
            query(c, "SELECT " + ViewTables.VACANCIES.columnList() + " FROM vacancy_view", r -> load.vacancy(vacancy(r)));
            query(c, "SELECT " + ViewTables.DEPARTURES.columnList() + " FROM post_departure", r -> load.departure(new PostDeparture(
                    r.getObject(1, UUID.class), r.getString(2), BoardRole.valueOf(r.getString(3)), r.getObject(4, LocalDate.class),
                    LeavingReason.valueOf(r.getString(5)), r.getObject(6, UUID.class))));
            Map<UUID, List<CandidateState.RoleReadiness>> readiness = new HashMap<>();
            query(c, "SELECT candidate_id, role, level, assessed_on FROM candidate_readiness ORDER BY candidate_id, role", r ->
                    readiness.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CandidateState.RoleReadiness(
                            BoardRole.valueOf(r.getString(2)), ReadinessLevel.valueOf(r.getString(3)), r.getObject(4, LocalDate.class))));
            Map<UUID, List<CandidateState.RoleReadiness>> earlier = new HashMap<>();
            query(c, "SELECT candidate_id, role, level, assessed_on FROM candidate_earlier_readiness ORDER BY candidate_id, seq", r ->
                    earlier.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CandidateState.RoleReadiness(
                            BoardRole.valueOf(r.getString(2)), ReadinessLevel.valueOf(r.getString(3)), r.getObject(4, LocalDate.class))));
            Map<UUID, List<CandidateState.Nomination>> nominations = new HashMap<>();
            query(c, "SELECT candidate_id, post_id, readiness, nominated_on FROM candidate_nomination ORDER BY candidate_id, post_id", r ->
                    nominations.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CandidateState.Nomination(
                            r.getObject(2, UUID.class), ReadinessLevel.valueOf(r.getString(3)), r.getObject(4, LocalDate.class))));
            Map<UUID, List<CandidateState.Exit>> exits = new HashMap<>();
            query(c, "SELECT candidate_id, post_id, ods_code, role, exit_date, reason FROM candidate_exit ORDER BY candidate_id, seq", r ->
                    exits.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CandidateState.Exit(
                            r.getObject(2, UUID.class), r.getString(3), BoardRole.valueOf(r.getString(4)), r.getObject(5, LocalDate.class),
                            ExitReason.valueOf(r.getString(6)))));
            query(c, "SELECT " + ViewTables.CANDIDATES.columnList() + " FROM candidate_view", r -> {
                CandidateView v = candidate(r);
                load.candidate(v, new ViewState.Details(readiness.getOrDefault(v.candidateId, List.of()),
                        nominations.getOrDefault(v.candidateId, List.of()), exits.getOrDefault(v.candidateId, List.of()),
                        earlier.getOrDefault(v.candidateId, List.of())));
            });
            query(c, "SELECT post_id, candidate_id, level, named_now, pool_now, expires_on FROM post_candidate", r -> load.contribution(
                    r.getObject(1, UUID.class), r.getObject(2, UUID.class), new Contribution(Contribution.Level.valueOf(r.getString(3)),
                            r.getBoolean(4), r.getBoolean(5), r.getObject(6, LocalDate.class))));
            List<ChangeSetWriter.Position> positions = new ArrayList<>();
            query(c, "SELECT topic, record_partition, next_offset FROM view_offset ORDER BY topic, record_partition", r ->
                    positions.add(new ChangeSetWriter.Position(r.getString(1), r.getInt(2), r.getLong(3))));
            long[] version = new long[1];
            query(c, "SELECT version, day FROM view_version WHERE id = 1", r -> {
                version[0] = r.getLong(1);
                LocalDate day = r.getObject(2, LocalDate.class);
                if (day != null) {
                    load.day(day);
                }
            });
            c.commit();
            return new Loaded(load.done(), positions, version[0]);
        } catch (SQLException | RuntimeException e) {
            ChangeSetWriter.rollbackQuietly(c);
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(true);
        }
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    private static PostSuccession post(ResultSet r) throws SQLException {
        PostSuccession p = new PostSuccession();
        p.postId = r.getObject("post_id", UUID.class);
        p.odsCode = r.getString("ods_code");
        p.role = BoardRole.valueOf(r.getString("role"));
        p.version = r.getLong("version");
        p.namedReadyNow = r.getInt("named_ready_now");
        p.poolReadyNow = r.getInt("pool_ready_now");
        p.readyNow = r.getInt("ready_now");
        p.readySoon = r.getInt("ready_soon");
        p.replaceability = Replaceability.valueOf(r.getString("replaceability"));
        p.lastEventId = r.getObject("last_event_id", UUID.class);
        p.lastTopic = r.getString("last_topic");
        p.lastPartition = r.getInt("last_partition");
        p.lastOffset = r.getLong("last_offset");
        p.updatedAt = r.getObject("updated_at", OffsetDateTime.class);
        p.incumbentCandidateId = r.getObject("incumbent_candidate_id", UUID.class);
        p.incumbentSince = r.getObject("incumbent_since", LocalDate.class);
        p.incumbentInterim = r.getObject("incumbent_interim", Boolean.class);
        p.lastDepartureDate = r.getObject("last_departure_date", LocalDate.class);
        String reason = r.getString("last_departure_reason");
        p.lastDepartureReason = reason == null ? null : LeavingReason.valueOf(reason);
        p.applicants = r.getObject("applicants", Integer.class);
        p.shortlisted = r.getObject("shortlisted", Integer.class);
        p.lastShortlistSize = r.getObject("last_shortlist_size", Integer.class);
        p.openVacancyId = r.getObject("open_vacancy_id", UUID.class);
        p.latestVacancyId = r.getObject("latest_vacancy_id", UUID.class);
        p.interimCandidateId = r.getObject("interim_candidate_id", UUID.class);
        p.interimNamedOn = r.getObject("interim_named_on", LocalDate.class);
        return p;
    }

    private static PostSuccessionHistory history(ResultSet r) throws SQLException {
        PostSuccessionHistory h = new PostSuccessionHistory();
        h.id = r.getLong("id");
        h.postId = r.getObject("post_id", UUID.class);
        h.effectiveAt = r.getObject("effective_at", OffsetDateTime.class);
        h.cause = r.getString("cause");
        h.eventId = r.getObject("event_id", UUID.class);
        h.eventTopic = r.getString("event_topic");
        h.eventPartition = r.getObject("event_partition", Integer.class);
        h.eventOffset = r.getObject("event_offset", Long.class);
        h.readyNow = r.getInt("ready_now");
        h.readySoon = r.getInt("ready_soon");
        h.namedReadyNow = r.getInt("named_ready_now");
        h.poolReadyNow = r.getInt("pool_ready_now");
        h.replaceability = Replaceability.valueOf(r.getString("replaceability"));
        h.applicants = r.getObject("applicants", Integer.class);
        h.shortlisted = r.getObject("shortlisted", Integer.class);
        h.lastShortlistSize = r.getObject("last_shortlist_size", Integer.class);
        h.incumbentCandidateId = r.getObject("incumbent_candidate_id", UUID.class);
        h.interimCandidateId = r.getObject("interim_candidate_id", UUID.class);
        h.interimNamedOn = r.getObject("interim_named_on", LocalDate.class);
        return h;
    }

    private static VacancyView vacancy(ResultSet r) throws SQLException {
        VacancyView v = new VacancyView();
        v.vacancyId = r.getObject("vacancy_id", UUID.class);
        v.postId = r.getObject("post_id", UUID.class);
        v.status = VacancyStatus.valueOf(r.getString("status"));
        v.liveApplications = r.getInt("live_applications");
        v.shortlistSize = r.getInt("shortlist_size");
        v.readverts = r.getInt("readverts");
        v.firstAdvertisedOn = r.getObject("first_advertised_on", LocalDate.class);
        v.filledOn = r.getObject("filled_on", LocalDate.class);
        v.closedOn = r.getObject("closed_on", LocalDate.class);
        v.appointedCandidateId = r.getObject("appointed_candidate_id", UUID.class);
        v.version = r.getLong("version");
        v.createdAt = r.getObject("created_at", OffsetDateTime.class);
        v.updatedAt = r.getObject("updated_at", OffsetDateTime.class);
        return v;
    }

    private static CandidateView candidate(ResultSet r) throws SQLException {
        CandidateView c = new CandidateView();
        c.candidateId = r.getObject("candidate_id", UUID.class);
        c.status = CandidateStatus.valueOf(r.getString("status"));
        c.fitStatus = FitAndProperStatus.valueOf(r.getString("fit_status"));
        c.fitCheckedOn = r.getObject("fit_checked_on", LocalDate.class);
        c.regions = r.getString("regions");
        c.organisationTypes = r.getString("organisation_types");
        c.considersChallenged = r.getBoolean("considers_challenged");
        c.version = r.getLong("version");
        c.updatedAt = r.getObject("updated_at", OffsetDateTime.class);
        return c;
    }
}
