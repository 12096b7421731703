package org.understudy.succession;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.VacancyStatus;
import org.understudy.succession.domain.OrganisationView;
import org.understudy.succession.domain.PostSuccession;
import org.understudy.succession.domain.Replaceability;
import org.understudy.succession.domain.ViewListener;
import org.understudy.succession.reference.ReferenceView;
import org.understudy.succession.reference.ViewDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chief executive post over two years, as the writer keeps it in PostgreSQL: successors come and go,
 * a check fails, a vacancy runs, assessments go stale and checks lapse as time passes, a successor is
 * appointed. Told to a view of its own (the service's view counts as of the latest day it has
 * reached, so a story dated in the past is told to a view that has not reached the present), each
 * event one poll, the stored numbers checked after each; at the end the stored history must be the
 * reference model's.
 */
class ChiefExecutivePostOverTwoYearsTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 15);

    private static ViewDatabase db;
    private final List<ConsumerRecord<String, String>> published = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> all = new ArrayList<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private final StoryEvents story = new StoryEvents((topic, key, json) -> {
        long offset = offsets.merge(topic, 1L, Long::sum) - 1;
        ConsumerRecord<String, String> r = new ConsumerRecord<>(topic, 0, offset, key, json);
        published.add(r);
        all.add(r);
    });
    private final List<String> alerts = new ArrayList<>();
    private ViewDatabase.Live live;

    @BeforeAll
    static void database() throws Exception {
        db = new ViewDatabase("story");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        db.close();
    }

    private static LocalDate month(int m) {
        return START.plusMonths(m);
    }

    /** What has been published, applied as one poll. */
    private void poll() throws SQLException {
        live.apply(List.copyOf(published));
        published.clear();
    }

    private void expectNumbers(UUID post, int readyNow, int readySoon, int named, int pool, String replaceability) throws SQLException {
        poll();
        assertEquals(List.of(readyNow, readySoon, named, pool, replaceability), stored(post,
                "SELECT ready_now, ready_soon, named_ready_now, pool_ready_now, replaceability FROM post_succession WHERE post_id = ?"));
    }

    private static List<Object> stored(UUID post, String sql) throws SQLException {
        try (PreparedStatement s = db.reads().prepareStatement(sql)) {
            s.setObject(1, post);
            try (ResultSet r = s.executeQuery()) {
                List<Object> out = new ArrayList<>();
                if (r.next()) {
                    for (int c = 1; c <= r.getMetaData().getColumnCount(); c++) {
                        out.add(r.getObject(c));
                    }
                }
                return out;
            }
        }
    }

    /** What the post showed at an instant: the latest history row effective then (as GET ...?asOf= answers). */
    private static List<Object> asOf(UUID post, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = db.reads().prepareStatement("SELECT ready_now, ready_soon, replaceability, shortlisted, applicants"
                + " FROM post_succession_history WHERE post_id = ? AND effective_at <= ? ORDER BY effective_at DESC, id DESC LIMIT 1")) {
            s.setObject(1, post);
            s.setObject(2, at);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? List.of(r.getInt(1), r.getInt(2), r.getString(3), r.getInt(4), r.getInt(5)) : List.of();
            }
        }
    }

    @Test
    void successorsComeAndGoAndTimeTellsToo() throws Exception {
        db.empty();
        live = db.live(new ViewListener() {
            @Override
            public void replaceabilityFell(PostSuccession post, OrganisationView organisation, Replaceability from,
                                           OffsetDateTime effectiveAt, String cause, long sequence) {
                alerts.add(post.postId + " " + from + "->" + post.replaceability + " at " + effectiveAt.toLocalDate());
            }
        });
        String ods = "YST";
        UUID post = UUID.randomUUID();
        UUID incumbent = UUID.randomUUID();
        Region region = Region.SOUTH_WEST;
        OrganisationType type = OrganisationType.AMBULANCE;

        // A CEO post with no one ready.
        story.organisation(ods, region, type, 2, month(0));
        story.post(post, ods, incumbent, START.minusYears(3), false, month(0));
        expectNumbers(post, 0, 0, 0, 0, "NONE");

        // Ada: assessed ready now for chief executive roles, willing to work here: the pool.
        StoryEvents.Candidate ada = story.candidate(region, type, month(1)).readyAsCeo(ReadinessLevel.READY_NOW, month(1));
        ada.publish(month(1));
        expectNumbers(post, 1, 0, 0, 1, "THIN");

        // Ben: named successor for this post and in the pool too: one more person, not two.
        StoryEvents.Candidate ben = story.candidate(region, type, month(2))
                .readyAsCeo(ReadinessLevel.READY_NOW, month(2)).named(post, ReadinessLevel.READY_NOW, month(2));
        ben.publish(month(2));
        expectNumbers(post, 2, 0, 1, 2, "VIABLE");

        // Cai: named, ready in one to two years.
        story.candidate(region, type, month(3)).named(post, ReadinessLevel.READY_1_2_YEARS, month(3)).publish(month(3));
        expectNumbers(post, 2, 1, 1, 2, "VIABLE");

        // The incumbent is ready for a CEO role too, but is not their own successor.
        StoryEvents.Candidate holder = story.candidate(region, type, month(4)).readyAsCeo(ReadinessLevel.READY_NOW, month(4));
        story.post(post, ods, holder.id, START.minusYears(3), false, month(4));
        holder.publish(month(4));
        expectNumbers(post, 2, 1, 1, 2, "VIABLE");

        // Ben fails his fit and proper person check and drops out.
        ben.fit(FitAndProperStatus.FAILED, month(5)).publish(month(5));
        expectNumbers(post, 1, 1, 0, 1, "THIN");

        // A writer taking over starts from the stored view and goes on from there.
        live.restart();

        // Ada's check is renewed; Dee joins the pool.
        ada.fit(FitAndProperStatus.PASSED, month(6)).publish(month(6));
        StoryEvents.Candidate dee = story.candidate(region, type, month(7)).readyAsCeo(ReadinessLevel.READY_NOW, month(7));
        dee.publish(month(7));
        expectNumbers(post, 2, 1, 0, 2, "VIABLE");

        // A vacancy opens: three applications, one withdrawn; then a shortlist of two.
        UUID vacancy = UUID.randomUUID();
        story.vacancy(vacancy, post, ods, VacancyStatus.OPEN, 3, 1, 0, month(8), null, null, month(8));
        story.vacancy(vacancy, post, ods, VacancyStatus.SHORTLISTING, 3, 1, 2, month(8), null, null, month(9));
        poll();
        assertEquals(List.of(2, 2, 2), stored(post, "SELECT applicants, shortlisted, last_shortlist_size FROM post_succession WHERE post_id = ?"));

        // Twenty-one months in, Dee is appointed. By then Ada's assessment (month 1) is stale (18 months)
        // and Cai's check (month 3) has lapsed (12 months): time passes before the appointment applies.
        // The appointee is then no longer counted as her own successor.
        story.vacancy(vacancy, post, ods, VacancyStatus.FILLED, 3, 1, 2, month(8), month(21), dee.id, month(21));
        story.post(post, ods, dee.id, month(21), false, month(21));
        expectNumbers(post, 0, 0, 0, 0, "NONE");
        assertEquals(List.of(dee.id), stored(post, "SELECT incumbent_candidate_id FROM post_succession WHERE post_id = ?"));
        List<Object> figures = stored(post, "SELECT applicants, last_shortlist_size FROM post_succession WHERE post_id = ?");
        assertNull(figures.get(0), "no vacancy is open");
        assertEquals(2, figures.get(1));

        // As of the day after the shortlist, the numbers were as they stood then; before the post, nothing.
        assertEquals(List.of(2, 1, "VIABLE", 2, 2), asOf(post, StoryEvents.at(month(9).plusDays(1))));
        assertEquals(List.of(), asOf(post, START.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));

        // History: every change, with its cause; the expiries are dated when they happened.
        List<String> causes = new ArrayList<>();
        try (PreparedStatement s = db.reads().prepareStatement(
                "SELECT cause, effective_at FROM post_succession_history WHERE post_id = ? ORDER BY id")) {
            s.setObject(1, post);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    causes.add(r.getString(1) + "@" + r.getObject(2, OffsetDateTime.class).toLocalDate());
                }
            }
        }
        assertTrue(causes.contains("assessment-expired@" + month(1).plusMonths(18).plusDays(1)), "Ada's assessment went stale: " + causes);

        // The fall to NONE raised an alert, dated when it took effect: the day after Dee's check (month 7) lapsed.
        assertEquals(post + " THIN->NONE at " + month(7).plusMonths(12).plusDays(1), alerts.get(alerts.size() - 1));

        // And the whole history is the one the definition gives.
        ReferenceView model = new ReferenceView();
        all.forEach(r -> model.apply(r.value()));
        Map<UUID, List<ReferenceView.Row>> stored = new HashMap<>();
        try (PreparedStatement s = db.reads().prepareStatement("SELECT effective_at, cause, ready_now, ready_soon, named_ready_now, "
                + "pool_ready_now, replaceability, applicants, shortlisted, last_shortlist_size, incumbent_candidate_id, interim_candidate_id, "
                + "interim_named_on, post_id FROM post_succession_history ORDER BY post_id, id"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                stored.computeIfAbsent(r.getObject(14, UUID.class), k -> new ArrayList<>()).add(new ReferenceView.Row(
                        r.getObject(1, OffsetDateTime.class), r.getString(2), r.getInt(3), r.getInt(4), r.getInt(5), r.getInt(6), r.getString(7),
                        (Integer) r.getObject(8), (Integer) r.getObject(9), (Integer) r.getObject(10), r.getObject(11, UUID.class),
                        r.getObject(12, UUID.class), r.getObject(13, LocalDate.class)));
            }
        }
        assertNull(ReferenceView.firstDifference(model.history(), stored));
    }
}
