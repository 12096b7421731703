package org.understudy.succession.reference;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.ViewListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The view as the writer persists it, against the reference model, on generated histories in
 * PostgreSQL: the records are folded a poll at a time (polls of random sizes, with a restart from the
 * stored view at a random point), each poll's change-set written as the writer writes it; then every
 * post's stored history, its current numbers, its answers as of random instants and the alerts must be
 * the model's; and a rebuild of the same records, written whole, must leave the same tables, row by row.
 *
 * <p>Bounded: 200 histories of at most {@link Histories#MAX_STEPS} steps (4 trusts, 8 posts, 16
 * candidates) in a database of its own; about a minute on two cores.
 */
class PersistedViewAgreesWithReferenceTest {
    private static ViewDatabase db;
    private static Connection reads;

    @BeforeContainer
    static void database() throws Exception {
        db = new ViewDatabase("property");
        reads = db.reads();
    }

    @AfterContainer
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Property(tries = 200)
    void theStoredViewIsTheDefinitionsAndARebuildStoresTheSame(@ForAll("histories") History history, @ForAll long polls)
            throws Exception {
        List<ConsumerRecord<String, String>> records = history.records();
        ReferenceView model = new ReferenceView();
        records.forEach(r -> model.apply(r.value()));
        model.passTo(history.lastDay());

        db.empty();
        Alerts alerts = new Alerts();
        applyLive(records, history.lastDay(), new Random(polls), db.live(alerts));
        assertEquals(null, ReferenceView.firstDifference(model.history(), storedHistory()), history::toString);
        assertEquals(currentFigures(model), storedFigures(), history::toString);
        assertEquals(FoldAgreesWithReferenceTest.sorted(model.alerts()), FoldAgreesWithReferenceTest.sorted(alerts.raised),
                history::toString);
        Random instants = new Random(polls ^ 0x5EED);
        for (int i = 0; i < 5; i++) {
            OffsetDateTime at = history.start().atStartOfDay().atOffset(ZoneOffset.UTC)
                    .plusMinutes(instants.nextInt((int) java.time.Duration.between(history.start().atStartOfDay(),
                            history.lastDay().plusDays(1).atStartOfDay()).toMinutes()));
            for (UUID post : model.history().keySet()) {
                ReferenceView.Row expected = model.asOf(post, at);
                ReferenceView.Row stored = storedAsOf(post, at);
                assertEquals(expected == null ? null : expected.figures(), stored == null ? null : stored.figures(),
                        () -> "post " + post + " as of " + at + "\n" + history);
            }
        }
        Map<String, List<String>> live = tables();

        db.rebuild(records, history.lastDay());
        Map<String, List<String>> rebuilt = tables();
        for (String table : live.keySet()) {
            assertEquals(live.get(table), rebuilt.get(table), () -> table + "\n" + history);
        }
    }

    @Provide
    Arbitrary<History> histories() {
        return Histories.histories();
    }

    /** The writer's path: polls of random sizes, each folded and written; a restart from the stored view at a random poll. */
    private static void applyLive(List<ConsumerRecord<String, String>> records, LocalDate lastDay, Random polls, ViewDatabase.Live live)
            throws SQLException {
        int restartAt = polls.nextInt(Math.max(1, records.size()));
        int from = 0;
        while (from < records.size()) {
            int to = Math.min(records.size(), from + 1 + polls.nextInt(polls.nextBoolean() ? 3 : 40));
            live.apply(records.subList(from, to));
            if (from <= restartAt && restartAt < to) {
                live.restart(); // as a writer taking over would
            }
            from = to;
        }
        live.passTo(lastDay);
    }

    private static final class Alerts implements ViewListener {
        final List<ReferenceView.Alert> raised = new ArrayList<>();

        @Override
        public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                       OffsetDateTime effectiveAt, String cause, long sequence) {
            raised.add(new ReferenceView.Alert(post.postId, from.name(), post.replaceability.name(), effectiveAt));
        }
    }

    private static final String HISTORY_COLUMNS = "post_id, effective_at, cause, ready_now, ready_soon, named_ready_now, pool_ready_now, "
            + "replaceability, applicants, shortlisted, last_shortlist_size, incumbent_candidate_id, interim_candidate_id, interim_named_on";

    private static Map<UUID, List<ReferenceView.Row>> storedHistory() throws SQLException {
        Map<UUID, List<ReferenceView.Row>> out = new LinkedHashMap<>();
        try (Statement s = reads.createStatement();
             ResultSet r = s.executeQuery("SELECT " + HISTORY_COLUMNS + " FROM post_succession_history ORDER BY post_id, id")) {
            while (r.next()) {
                out.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(row(r));
            }
        }
        return out;
    }

    private static ReferenceView.Row storedAsOf(UUID post, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = reads.prepareStatement("SELECT " + HISTORY_COLUMNS + " FROM post_succession_history"
                + " WHERE post_id = ? AND effective_at <= ? ORDER BY effective_at DESC, id DESC LIMIT 1")) {
            s.setObject(1, post);
            s.setObject(2, at);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? row(r) : null;
            }
        }
    }

    private static ReferenceView.Row row(ResultSet r) throws SQLException {
        return new ReferenceView.Row(r.getObject(2, OffsetDateTime.class), r.getString(3), r.getInt(4), r.getInt(5), r.getInt(6),
                r.getInt(7), r.getString(8), (Integer) r.getObject(9), (Integer) r.getObject(10), (Integer) r.getObject(11),
                r.getObject(12, UUID.class), r.getObject(13, UUID.class), r.getObject(14, LocalDate.class));
    }

    /** Each post's numbers now, as the model's last history row has them. */
    private static Map<UUID, List<Object>> currentFigures(ReferenceView model) {
        Map<UUID, List<Object>> out = new java.util.TreeMap<>();
        model.history().forEach((post, rows) -> {
            ReferenceView.Row last = rows.get(rows.size() - 1);
            out.put(post, List.of(last.readyNow(), last.readySoon(), last.namedReadyNow(), last.poolReadyNow(), last.replaceability(),
                    (long) rows.size()));
        });
        return out;
    }

    private static Map<UUID, List<Object>> storedFigures() throws SQLException {
        Map<UUID, List<Object>> out = new java.util.TreeMap<>();
        try (Statement s = reads.createStatement(); ResultSet r = s.executeQuery(
                "SELECT post_id, ready_now, ready_soon, named_ready_now, pool_ready_now, replaceability, history_count FROM post_succession")) {
            while (r.next()) {
                out.put(r.getObject(1, UUID.class), List.of(r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getString(6), r.getLong(7)));
            }
        }
        return out;
    }

    /** Every view table as text rows in a stable order, without when rows were written and the version they were written at. */
    private static Map<String, List<String>> tables() throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("organisation_view", "SELECT ods_code, name, region, organisation_type, oversight_segment, version FROM organisation_view ORDER BY 1");
        queries.put("post_succession", "SELECT post_id, ods_code, role, version, named_ready_now, pool_ready_now, ready_now, ready_soon, "
                + "replaceability, last_event_id, last_topic, last_partition, last_offset, incumbent_candidate_id, incumbent_since, "
                + "incumbent_interim, last_departure_date, last_departure_reason, applicants, shortlisted, last_shortlist_size, "
                + "open_vacancy_id, latest_vacancy_id, interim_candidate_id, interim_named_on, history_count FROM post_succession ORDER BY 1");
        queries.put("candidate_view", "SELECT candidate_id, status, fit_status, fit_checked_on, regions, organisation_types, "
                + "considers_challenged, version FROM candidate_view ORDER BY 1");
        queries.put("candidate_readiness", "SELECT * FROM candidate_readiness ORDER BY 1, 2");
        queries.put("candidate_nomination", "SELECT * FROM candidate_nomination ORDER BY 1, 2");
        queries.put("candidate_exit", "SELECT * FROM candidate_exit ORDER BY 1, 2");
        queries.put("vacancy_view", "SELECT vacancy_id, post_id, status, live_applications, shortlist_size, readverts, first_advertised_on, "
                + "filled_on, closed_on, appointed_candidate_id, version, created_at FROM vacancy_view ORDER BY 1");
        queries.put("post_candidate", "SELECT * FROM post_candidate ORDER BY 1, 2");
        queries.put("post_succession_history", "SELECT post_id, effective_at, cause, event_id, event_topic, event_partition, event_offset, "
                + "ready_now, ready_soon, named_ready_now, pool_ready_now, replaceability, applicants, shortlisted, last_shortlist_size, "
                + "incumbent_candidate_id, interim_candidate_id, interim_named_on FROM post_succession_history ORDER BY post_id, id");
        queries.put("view_offset", "SELECT * FROM view_offset ORDER BY 1, 2");
        queries.put("view_version", "SELECT day FROM view_version");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            List<String> rows = new ArrayList<>();
            try (Statement s = reads.createStatement(); ResultSet r = s.executeQuery(q.getValue())) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> values = new ArrayList<>(columns);
                    for (int c = 1; c <= columns; c++) {
                        values.add(r.getString(c));
                    }
                    rows.add(values.toString());
                }
            }
            out.put(q.getKey(), rows);
        }
        return out;
    }
}
