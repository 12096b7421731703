package org.understudy.seed.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.LeavingReason;
import org.understudy.seed.SeedMain;
import org.understudy.seed.TrustCsv;
import org.understudy.seed.generate.PipelinePlan.CandidatePlan;
import org.understudy.seed.generate.PipelinePlan.ExitPlan;
import org.understudy.seed.generate.PipelinePlan.PostKey;
import org.understudy.seed.generate.PipelinePlan.PostPlan;
import org.understudy.seed.generate.PipelinePlan.PostState;
import org.understudy.seed.generate.PipelinePlan.Stage;
import org.understudy.seed.generate.PipelinePlan.Tenure;
import org.understudy.seed.generate.PipelinePlan.VacancyPlan;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's plan, on the bundled 202 trusts: deterministic for a seed, and within the
 * calibration's stated ranges (seed/README.md) for every one of 20 seeds.
 */
class PipelinePlannerTest {
    private static final int DEMO = 2000;
    private static List<PipelinePlan.Organisation> trusts;

    @BeforeAll
    static void readTrusts() throws IOException {
        try (InputStreamReader in = new InputStreamReader(SeedMain.class.getResourceAsStream(SeedMain.BUNDLED_TRUSTS), StandardCharsets.UTF_8)) {
            trusts = TrustCsv.parse(in).trusts().stream().map(t -> new PipelinePlan.Organisation(t.odsCode(), t.region(), t.type())).toList();
        }
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        PipelinePlan a = PipelinePlanner.plan(42, DEMO, trusts);
        List<PipelinePlan.Organisation> shuffled = new ArrayList<>(trusts);
        Collections.reverse(shuffled); // the order the organisations arrive in does not matter
        PipelinePlan b = PipelinePlanner.plan(42, DEMO, shuffled);
        assertEquals(a, b);
        assertEquals(a.writes(), b.writes());
    }

    @Test
    void anotherSeedGivesAnotherPlan() {
        PipelinePlan a = PipelinePlanner.plan(42, DEMO, trusts);
        PipelinePlan b = PipelinePlanner.plan(43, DEMO, trusts);
        assertNotEquals(a.organisations(), b.organisations());
        assertNotEquals(a.candidates(), b.candidates());
        assertNotEquals(a.posts(), b.posts());
        assertNotEquals(a.vacancies(), b.vacancies());
    }

    @Test
    void distributionsAreWithinTheStatedRangesForEverySeed() {
        for (long seed = 1; seed <= 20; seed++) {
            PlanStatistics s = PlanStatistics.of(PipelinePlanner.plan(seed, DEMO, trusts));
            String at = "seed " + seed + ":\n" + s.describe();
            assertEquals(404, s.posts(), at);
            // Median chief executive tenure about 3 years (King's Fund 2018).
            assertInRange(2.7, 3.3, s.medianCeoTenureYears(), "median CEO tenure (years), " + at);
            // Shorter tenure in worse segments.
            assertTrue(s.medianCeoTenureYearsBySegment()[1] > s.medianCeoTenureYearsBySegment()[3], at);
            assertTrue(s.medianCeoTenureYearsBySegment()[3] > s.medianCeoTenureYearsBySegment()[4], at);
            // About 8% of posts vacant or interim (King's Fund 2018), more in worse segments.
            assertInRange(0.05, 0.11, s.vacantOrInterimShare(), "vacant or interim share, " + at);
            assertTrue(s.vacantOrInterimShareBySegment()[4] > s.vacantOrInterimShareBySegment()[2], at);
            assertTrue(s.vacantOrInterimShareBySegment()[2] > s.vacantOrInterimShareBySegment()[1], at);
            // Most segment-4 trusts changed chief executive or chair in the last two years (HSJ 2024: 14 of 20).
            assertInRange(0.5, 0.95, s.segment4LeaderChangedIn2YearsShare(), "segment 4 leader changed, " + at);
            assertTrue(s.segment4CeoChangedIn2YearsShare() > 0.5, at);
            // Few applicants per advert, shortlists of 1 to 3.
            assertTrue(s.vacancies() >= 20 && s.vacancies() <= 50, at);
            assertInRange(1.5, 4.0, s.applicantsPerAdvert(), "applicants per advert, " + at);
            assertTrue(s.maxApplicantsPerAdvert() <= 6, at);
            assertEquals(0, s.shortlistSizes()[0], at);
            assertTrue(s.shortlistedVacancies() > 0 && s.shortlistSizes()[1] + s.shortlistSizes()[2] + s.shortlistSizes()[3] == s.shortlistedVacancies(), at);
            // Exits: mostly voluntary, some dismissals, some dismissed people hold a post again.
            assertTrue(s.dismissals() > 0 && s.voluntaryExits() > 4 * s.dismissals(), at);
            assertTrue(s.trackedExits() > 0 && s.untrackedExits() > 0, at);
            assertTrue(s.reappointedAfterDismissal() >= 1, at);
            // A succession view with both empty and deep benches.
            assertInRange(0.10, 0.40, s.estimatedShareWithNoReadyNow(), "posts with no ready-now successor, " + at);
            assertInRange(1, 4, s.estimatedMedianReadyNow(), "median ready-now, " + at);
        }
    }

    @Test
    void thePlanIsConsistent() {
        PipelinePlan plan = PipelinePlanner.plan(7, DEMO, trusts);
        Map<PostKey, PostPlan> posts = new HashMap<>();
        Set<Integer> holders = new HashSet<>();
        for (PostPlan p : plan.posts()) {
            posts.put(p.key(), p);
            // Spells in date order; only the first has no previous holder to leave.
            for (int i = 0; i < p.tenures().size(); i++) {
                Tenure t = p.tenures().get(i);
                assertEquals(i == 0, t.previousLeftBecause() == null, p.key().toString());
                if (i > 0) {
                    assertTrue(t.sinceDaysAgo() < p.tenures().get(i - 1).sinceDaysAgo(), p.key().toString());
                }
                assertTrue(t.holder().isCandidate() != (t.holder().name() != null));
                if (!t.holder().isCandidate()) {
                    assertTrue(t.holder().name().matches("Synthetic Person \\d{4}"), t.holder().name());
                }
            }
            if (p.state() == PostState.VACANT) {
                assertTrue(p.departure().daysAgo() < p.current().sinceDaysAgo());
            }
            Integer holder = p.currentCandidate();
            if (holder != null) {
                assertTrue(holders.add(holder), "a candidate holds at most one post");
                assertTrue(plan.candidates().get(holder).current(p.key().role()) != null, "a holder is assessed for their role");
            }
        }
        assertEquals(2 * trusts.size(), posts.size());
        for (CandidatePlan c : plan.candidates()) {
            assertTrue(c.name().matches("Synthetic Candidate \\d{5}"), c.name());
            assertTrue(c.email().endsWith("@example.invalid"), c.email());
            assertTrue(c.notes().contains("not a real person"));
            assertTrue(c.regions().size() >= 1 && c.organisationTypes().size() >= 1);
            // Assessments per role oldest first.
            Map<BoardRole, Integer> last = new HashMap<>();
            for (PipelinePlan.Assessment a : c.assessments()) {
                Integer previous = last.put(a.role(), a.daysAgo());
                assertTrue(previous == null || previous > a.daysAgo(), c.name());
                assertTrue(a.daysAgo() >= 1);
            }
            for (ExitPlan x : c.exits()) {
                assertTrue(x.daysAgo() >= 1);
                if (x.post() != null) {
                    // The post's history shows this candidate leaving on that day for that reason.
                    PostPlan p = posts.get(x.post());
                    boolean found = false;
                    for (int i = 0; i < p.tenures().size(); i++) {
                        Tenure t = p.tenures().get(i);
                        int left = i + 1 < p.tenures().size() ? p.tenures().get(i + 1).sinceDaysAgo() : p.departure() == null ? -1 : p.departure().daysAgo();
                        LeavingReason why = i + 1 < p.tenures().size() ? p.tenures().get(i + 1).previousLeftBecause() : p.departure() == null ? null : p.departure().reason();
                        if (Integer.valueOf(c.index()).equals(t.holder().candidate()) && left == x.daysAgo() && why != null && why.name().equals(x.reason().name())) {
                            found = true;
                        }
                    }
                    assertTrue(found, c.name() + " " + x);
                }
            }
        }
        // Re-appointed after a dismissal: the new spell starts after the dismissal.
        int reappointed = 0;
        for (PostPlan p : plan.posts()) {
            Integer holder = p.currentCandidate();
            if (holder == null) {
                continue;
            }
            for (ExitPlan x : plan.candidates().get(holder).exits()) {
                if (x.post() != null && !x.post().equals(p.key())) {
                    assertTrue(p.current().sinceDaysAgo() < x.daysAgo(), "appointed after leaving " + x.post());
                    reappointed++;
                }
            }
        }
        assertTrue(reappointed > 0);
        for (PipelinePlan.NominationPlan n : plan.nominations()) {
            assertNotEquals(Integer.valueOf(n.candidate()), posts.get(n.post()).currentCandidate(), "no one is named successor to themselves");
        }
        for (VacancyPlan v : plan.vacancies()) {
            PostPlan p = posts.get(v.post());
            List<Integer> all = new ArrayList<>(v.applicants());
            if (v.readvertised()) {
                all.addAll(v.lapsedRound());
            }
            assertEquals(all.size(), new HashSet<>(all).size(), "no one applies twice");
            if (p.state() == PostState.HELD && p.currentCandidate() != null) {
                assertTrue(!all.contains(p.currentCandidate()), "a holder does not apply for their own post");
            }
            assertTrue(all.containsAll(v.shortlist()));
            assertEquals(v.stage() == Stage.OPEN, v.shortlist().isEmpty(), v.toString());
            assertTrue(v.closingInDays() >= 7);
            assertTrue(v.advertisedDaysAgo() >= 3, v.toString());
            assertTrue(!v.readvertised() || v.advertisedDaysAgo() > v.readvertisedDaysAgo() && v.readvertisedDaysAgo() > 0, v.toString());
        }
        assertTrue(plan.recruitments().size() > 10, "completed recruitments " + plan.recruitments().size());
        for (PipelinePlan.RecruitmentPlan r : plan.recruitments()) {
            PostPlan p = posts.get(r.post());
            assertEquals(PostState.HELD, p.state(), r.toString());
            assertTrue(r.filledDaysAgo() > p.current().sinceDaysAgo(), "filled before the holder started: " + r);
            assertTrue(r.advertisedDaysAgo() > r.filledDaysAgo(), r.toString());
            assertEquals(r.applicants().size(), new HashSet<>(r.applicants()).size(), "no one applies twice");
            assertTrue(r.applicants().containsAll(r.shortlist()) && !r.shortlist().isEmpty(), r.toString());
            assertEquals(p.currentCandidate(), r.appointee(), "the appointee is the holder when in the pipeline");
            if (r.appointee() != null) {
                assertTrue(r.shortlist().contains(r.appointee()), "the appointee was shortlisted");
            }
            assertTrue(plan.vacancies().stream().noneMatch(v -> v.post().equals(r.post())), "no post has both");
        }
    }

    @Test
    void scalesToTheNationalStressSet() {
        PipelinePlan plan = PipelinePlanner.plan(42, 20_000, trusts);
        assertEquals(20_000, plan.candidates().size());
        assertTrue(plan.writes() > 80_000, "writes " + plan.writes());
        PlanStatistics s = PlanStatistics.of(plan);
        assertNotNull(s.describe());
        assertInRange(2.7, 3.3, s.medianCeoTenureYears(), "median CEO tenure at scale");
        assertInRange(0.05, 0.11, s.vacantOrInterimShare(), "vacant or interim share at scale");
        assertEquals(20_000, new HashSet<>(plan.candidates().stream().map(CandidatePlan::email).toList()).size(), "e-mail addresses are unique");
    }

    @Test
    void careerHistoryMakesTheStressSetHalfAMillionEventsAndChangesNoCurrentRecord() {
        PipelinePlan plain = PipelinePlanner.plan(42, 20_000, trusts);
        PipelinePlan history = PipelinePlanner.plan(42, 20_000, trusts, true);
        // Each write is one event on vacancy-events or candidate-events (a few writes make none: margin).
        assertTrue(history.writes() >= 520_000, "writes " + history.writes());
        assertEquals(history, PipelinePlanner.plan(42, 20_000, trusts, true), "same seed, same history");
        assertEquals(plain, PipelinePlanner.plan(42, 20_000, trusts, false), "without history the plan is the plan");
        assertEquals(plain.posts(), history.posts());
        assertEquals(plain.nominations(), history.nominations());
        assertEquals(plain.vacancies(), history.vacancies());
        assertEquals(PlanStatistics.of(plain).describe(), PlanStatistics.of(history).describe(), "the same figures");
        for (int i = 0; i < plain.candidates().size(); i++) {
            CandidatePlan before = plain.candidates().get(i);
            CandidatePlan after = history.candidates().get(i);
            assertEquals(before.fitAndProper(), after.fitAndProper());
            assertEquals(before.exits(), after.exits());
            for (BoardRole role : PipelinePlanner.ROLES) {
                assertEquals(before.current(role), after.current(role), "the current assessment stays");
                // Oldest first, each one later than the one before (the service refuses an earlier date).
                List<Integer> days = after.assessments().stream().filter(a -> a.role() == role).map(PipelinePlan.Assessment::daysAgo).toList();
                for (int k = 1; k < days.size(); k++) {
                    assertTrue(days.get(k) < days.get(k - 1), "assessments in date order: " + days);
                }
                days.forEach(d -> assertTrue(d <= CareerHistory.MAX_DAYS_AGO));
            }
            Integer current = after.fitAndProper().daysAgo();
            int previous = Integer.MAX_VALUE;
            for (PipelinePlan.FitCheck c : after.earlierChecks()) {
                assertTrue(c.daysAgo() < previous && (current == null || c.daysAgo() > current), "checks in date order");
                previous = c.daysAgo();
            }
        }
    }

    private static void assertInRange(double low, double high, double value, String what) {
        assertTrue(value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
    }
}
