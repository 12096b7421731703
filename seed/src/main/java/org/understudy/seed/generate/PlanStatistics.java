package org.understudy.seed.generate;

import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.ReadinessLevel;
import org.understudy.seed.generate.PipelinePlan.Assessment;
import org.understudy.seed.generate.PipelinePlan.CandidatePlan;
import org.understudy.seed.generate.PipelinePlan.ExitPlan;
import org.understudy.seed.generate.PipelinePlan.NominationPlan;
import org.understudy.seed.generate.PipelinePlan.OrganisationPlan;
import org.understudy.seed.generate.PipelinePlan.PostKey;
import org.understudy.seed.generate.PipelinePlan.PostPlan;
import org.understudy.seed.generate.PipelinePlan.PostState;
import org.understudy.seed.generate.PipelinePlan.Stage;
import org.understudy.seed.generate.PipelinePlan.VacancyPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The figures a plan will produce, measured on the plan itself: what the calibration promises
 * (seed/README.md) and what the tests check. Also an estimate of the succession depth the
 * succession-service should show, by the rules of docs/succession-view.md (stale after 18 months, fit-and-proper
 * valid 12 months, segments 4-5 counting only candidates who would consider them).
 */
public record PlanStatistics(
        int organisations, int posts, int candidates,
        double medianCeoTenureYears, double medianChairTenureYears, double[] medianCeoTenureYearsBySegment,
        double vacantOrInterimShare, double[] vacantOrInterimShareBySegment, int vacantPosts, int interimPosts,
        double segment4LeaderChangedIn2YearsShare, double segment4CeoChangedIn2YearsShare,
        int vacancies, int readverts, double applicantsPerAdvert, int maxApplicantsPerAdvert,
        int[] shortlistSizes, int shortlistedVacancies, int completedRecruitments, double medianTimeToAppointDays,
        int trackedExits, int untrackedExits, int voluntaryExits, int dismissals, int reappointedAfterDismissal,
        int nominations, int candidateIncumbents,
        double estimatedShareWithNoReadyNow, double estimatedMedianReadyNow) {

    private static final int STALE_AFTER_DAYS = 548; // 18 months
    private static final int FIT_VALID_DAYS = 365;   // 12 months

    public static PlanStatistics of(PipelinePlan plan) {
        List<PostPlan> posts = plan.posts();
        Map<String, OrganisationPlan> orgs = new HashMap<>();
        for (OrganisationPlan o : plan.organisations()) {
            orgs.put(o.odsCode(), o);
        }

        double[] bySegmentTenure = new double[6];
        double[] bySegmentUnfilled = new double[6];
        for (int s = 1; s <= 5; s++) {
            int segment = s;
            bySegmentTenure[s] = medianTenure(posts, p -> p.key().role() == BoardRole.CHIEF_EXECUTIVE && p.oversightSegment() == segment);
            bySegmentUnfilled[s] = share(posts, p -> p.oversightSegment() == segment, p -> p.state() != PostState.HELD);
        }

        Map<String, List<PostPlan>> byOrg = new HashMap<>();
        for (PostPlan p : posts) {
            byOrg.computeIfAbsent(p.key().odsCode(), k -> new ArrayList<>()).add(p);
        }
        int seg4 = 0;
        int seg4Changed = 0;
        int seg4CeoChanged = 0;
        for (OrganisationPlan o : plan.organisations()) {
            if (o.oversightSegment() != 4) {
                continue;
            }
            seg4++;
            List<PostPlan> its = byOrg.getOrDefault(o.odsCode(), List.of());
            if (its.stream().anyMatch(p -> p.lastChangeDaysAgo() <= 730)) {
                seg4Changed++;
            }
            if (its.stream().anyMatch(p -> p.key().role() == BoardRole.CHIEF_EXECUTIVE && p.lastChangeDaysAgo() <= 730)) {
                seg4CeoChanged++;
            }
        }

        int adverts = 0;
        int applicants = 0;
        int maxApplicants = 0;
        int readverts = 0;
        int[] shortlistSizes = new int[4];
        int shortlisted = 0;
        for (VacancyPlan v : plan.vacancies()) {
            adverts += 1;
            applicants += v.applicants().size();
            maxApplicants = Math.max(maxApplicants, v.applicants().size());
            if (v.readvertised()) {
                readverts++;
                adverts += 1;
                applicants += v.lapsedRound().size();
                maxApplicants = Math.max(maxApplicants, v.lapsedRound().size());
            }
            if (v.stage() != Stage.OPEN) {
                shortlisted++;
                shortlistSizes[Math.min(3, v.shortlist().size())]++;
            }
        }

        int tracked = 0;
        int untracked = 0;
        int voluntary = 0;
        int dismissals = 0;
        Set<Integer> dismissedCandidates = new HashSet<>();
        for (CandidatePlan c : plan.candidates()) {
            for (ExitPlan x : c.exits()) {
                if (x.post() != null) {
                    tracked++;
                } else {
                    untracked++;
                }
                if (x.reason().voluntary()) {
                    voluntary++;
                } else {
                    dismissals++;
                    dismissedCandidates.add(c.index());
                }
            }
        }
        int incumbents = 0;
        int reappointed = 0;
        for (PostPlan p : posts) {
            Integer holder = p.currentCandidate();
            if (holder != null) {
                incumbents++;
                CandidatePlan c = plan.candidates().get(holder);
                boolean dismissedBefore = c.exits().stream().anyMatch(x -> !x.reason().voluntary() && x.daysAgo() > p.current().sinceDaysAgo());
                if (dismissedBefore && dismissedCandidates.contains(holder)) {
                    reappointed++;
                }
            }
        }

        List<Integer> depths = estimatedDepths(plan, orgs);
        int none = (int) depths.stream().filter(d -> d == 0).count();
        List<Integer> sorted = new ArrayList<>(depths);
        Collections.sort(sorted);

        return new PlanStatistics(plan.organisations().size(), posts.size(), plan.candidates().size(),
                medianTenure(posts, p -> p.key().role() == BoardRole.CHIEF_EXECUTIVE),
                medianTenure(posts, p -> p.key().role() == BoardRole.CHAIR), bySegmentTenure,
                share(posts, p -> true, p -> p.state() != PostState.HELD), bySegmentUnfilled,
                (int) posts.stream().filter(p -> p.state() == PostState.VACANT).count(),
                (int) posts.stream().filter(p -> p.state() == PostState.INTERIM).count(),
                seg4 == 0 ? Double.NaN : (double) seg4Changed / seg4, seg4 == 0 ? Double.NaN : (double) seg4CeoChanged / seg4,
                plan.vacancies().size(), readverts, adverts == 0 ? 0 : (double) applicants / adverts, maxApplicants,
                shortlistSizes, shortlisted, plan.recruitments().size(),
                median(plan.recruitments().stream().map(r -> r.advertisedDaysAgo() - r.filledDaysAgo()).sorted().toList()),
                tracked, untracked, voluntary, dismissals, reappointed,
                plan.nominations().size(), incumbents,
                depths.isEmpty() ? 0 : (double) none / depths.size(), median(sorted));
    }

    /** Median time in post, in years, of the substantive holders of the matching posts (NaN if none). */
    private static double medianTenure(List<PostPlan> posts, Predicate<PostPlan> which) {
        List<Integer> days = new ArrayList<>();
        for (PostPlan p : posts) {
            if (which.test(p) && p.state() == PostState.HELD) {
                days.add(p.current().sinceDaysAgo());
            }
        }
        Collections.sort(days);
        return days.isEmpty() ? Double.NaN : median(days) / 365.25;
    }

    private static double share(List<PostPlan> posts, Predicate<PostPlan> of, Predicate<PostPlan> which) {
        long n = posts.stream().filter(of).count();
        return n == 0 ? Double.NaN : (double) posts.stream().filter(of).filter(which).count() / n;
    }

    private static double median(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Ready-now people per post, by the design's rules, as the succession view should count them. */
    private static List<Integer> estimatedDepths(PipelinePlan plan, Map<String, OrganisationPlan> orgs) {
        Map<PostKey, Set<Integer>> named = new HashMap<>();
        for (NominationPlan n : plan.nominations()) {
            if (n.readiness() == ReadinessLevel.READY_NOW) {
                named.computeIfAbsent(n.post(), k -> new HashSet<>()).add(n.candidate());
            }
        }
        List<CandidatePlan> counting = plan.candidates().stream().filter(c -> c.fitAndProper().status() == FitAndProperStatus.PASSED
                && c.fitAndProper().daysAgo() != null && c.fitAndProper().daysAgo() <= FIT_VALID_DAYS).toList();
        Set<Integer> fit = new HashSet<>();
        counting.forEach(c -> fit.add(c.index()));
        List<Integer> depths = new ArrayList<>();
        for (PostPlan p : plan.posts()) {
            OrganisationPlan o = orgs.get(p.key().odsCode());
            boolean challenged = o.oversightSegment() >= 4;
            Integer holder = p.currentCandidate();
            Set<Integer> ready = new HashSet<>();
            for (Integer i : named.getOrDefault(p.key(), Set.of())) {
                CandidatePlan c = plan.candidates().get(i);
                if (fit.contains(i) && !i.equals(holder) && (!challenged || c.considersChallengedOrganisations())) {
                    ready.add(i);
                }
            }
            for (CandidatePlan c : counting) {
                if (c.index() == (holder == null ? -1 : holder) || (challenged && !c.considersChallengedOrganisations())
                        || !c.regions().contains(o.region()) || !c.organisationTypes().contains(o.type())) {
                    continue;
                }
                Assessment a = c.current(p.key().role());
                if (a != null && a.level() == ReadinessLevel.READY_NOW && a.daysAgo() <= STALE_AFTER_DAYS) {
                    ready.add(c.index());
                }
            }
            depths.add(ready.size());
        }
        return depths;
    }

    /** A few lines for the terminal: what the plan will create and how it matches the calibration. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("  %d organisations, %d posts, %d candidates%n", organisations, posts, candidates));
        s.append(String.format("  median time in post: chief executives %.1f years (segments 1-5: %s), chairs %.1f years%n",
                medianCeoTenureYears, bySegment(medianCeoTenureYearsBySegment, "%.1f"), medianChairTenureYears));
        s.append(String.format("  vacant or interim: %.1f%% of posts (%d vacant, %d interim; segments 1-5: %s)%n",
                100 * vacantOrInterimShare, vacantPosts, interimPosts, bySegment(percent(vacantOrInterimShareBySegment), "%.0f%%")));
        s.append(String.format("  segment 4: %.0f%% changed chief executive or chair in the last two years (chief executive: %.0f%%)%n",
                100 * segment4LeaderChangedIn2YearsShare, 100 * segment4CeoChangedIn2YearsShare));
        s.append(String.format("  %d vacancies in play (%d re-advertised): %.1f applicants per advert (at most %d); shortlists of 1/2/3: %d/%d/%d%n",
                vacancies, readverts, applicantsPerAdvert, maxApplicantsPerAdvert, shortlistSizes[1], shortlistSizes[2], shortlistSizes[3]));
        s.append(String.format("  %d recruitments completed in the last two years: median time to appoint %.0f days%n",
                completedRecruitments, medianTimeToAppointDays));
        s.append(String.format("  exits: %d from tracked posts, %d from other board roles; %d voluntary, %d dismissals; %d dismissed people hold a post again%n",
                trackedExits, untrackedExits, voluntaryExits, dismissals, reappointedAfterDismissal));
        s.append(String.format("  %d nominations; %d posts held by candidates in the pipeline%n", nominations, candidateIncumbents));
        s.append(String.format("  expected succession view: %.0f%% of posts with no ready-now successor, median ready-now %.1f%n",
                100 * estimatedShareWithNoReadyNow, estimatedMedianReadyNow));
        return s.toString();
    }

    private static double[] percent(double[] shares) {
        double[] p = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            p[i] = 100 * shares[i];
        }
        return p;
    }

    private static String bySegment(double[] values, String format) {
        List<String> parts = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            parts.add(Double.isNaN(values[s]) ? "-" : String.format(format, values[s]));
        }
        return String.join(" / ", parts);
    }
}
