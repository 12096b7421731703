package org.understudy.seed.generate;

import org.understudy.events.BoardRole;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.ReadinessLevel;
import org.understudy.seed.generate.PipelinePlan.Assessment;
import org.understudy.seed.generate.PipelinePlan.CandidatePlan;
import org.understudy.seed.generate.PipelinePlan.FitCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Years of history behind each candidate, for the national stress set (a replay of at least
 * 500,000 events): talent boards re-assess readiness every few months and fit and proper person checks
 * are renewed every year, so a pipeline that has run for years holds many more records than people.
 *
 * <p>Only the past is added: each candidate's earlier readiness assessments (before the ones the plan
 * already has, oldest first) and earlier fit and proper checks (before the current one). Their current
 * readiness and check stay as planned, so the succession view at the end is the plan's; what changes is
 * how many events it took to get there. Drawn from a {@link Random} of its own, so the plan without
 * history is the same plan, call for call.
 */
public final class CareerHistory {
    /** No history goes back further than this (a long career in the pipeline). */
    static final int MAX_DAYS_AGO = 12 * 365;

    private final Random random;

    private CareerHistory(long seed) {
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + 0x4869_7374L);
    }

    /** The plan with each candidate's earlier assessments and checks added. */
    public static PipelinePlan extend(PipelinePlan plan) {
        CareerHistory h = new CareerHistory(plan.seed());
        List<CandidatePlan> candidates = new ArrayList<>(plan.candidates().size());
        for (CandidatePlan c : plan.candidates()) {
            candidates.add(h.extend(c));
        }
        return new PipelinePlan(plan.seed(), plan.organisations(), List.copyOf(candidates), plan.posts(), plan.nominations(),
                plan.vacancies(), plan.recruitments());
    }

    private CandidatePlan extend(CandidatePlan c) {
        List<Assessment> assessments = new ArrayList<>();
        for (BoardRole role : PipelinePlanner.ROLES) {
            List<Assessment> ofRole = c.assessments().stream().filter(a -> a.role() == role).toList();
            if (ofRole.isEmpty()) {
                continue;
            }
            // Re-assessed every three to eight months before the first one the plan has, a little less ready each time back.
            Assessment earliest = ofRole.get(0);
            List<Assessment> earlier = new ArrayList<>();
            ReadinessLevel level = earliest.level();
            int daysAgo = earliest.daysAgo();
            for (int k = Calibration.HISTORY_MIN_ASSESSMENTS + random.nextInt(Calibration.HISTORY_MAX_ASSESSMENTS - Calibration.HISTORY_MIN_ASSESSMENTS + 1);
                 k > 0; k--) {
                daysAgo += 90 + random.nextInt(151);
                if (daysAgo > MAX_DAYS_AGO) {
                    break;
                }
                if (level != ReadinessLevel.NOT_READY && random.nextInt(3) == 0) {
                    level = ReadinessLevel.values()[level.ordinal() + 1];
                }
                earlier.add(0, new Assessment(role, level, daysAgo, earliest.assessedBy()));
            }
            assessments.addAll(earlier);
            assessments.addAll(ofRole);
        }
        // Passed checks renewed about yearly before the current one (or before now, for a check still pending).
        List<FitCheck> checks = new ArrayList<>();
        int daysAgo = c.fitAndProper().daysAgo() == null ? 30 + random.nextInt(300) : c.fitAndProper().daysAgo();
        for (int k = Calibration.HISTORY_MIN_CHECKS + random.nextInt(Calibration.HISTORY_MAX_CHECKS - Calibration.HISTORY_MIN_CHECKS + 1);
             k > 0; k--) {
            daysAgo += 330 + random.nextInt(71);
            if (daysAgo > MAX_DAYS_AGO) {
                break;
            }
            checks.add(0, new FitCheck(FitAndProperStatus.PASSED, daysAgo));
        }
        return new CandidatePlan(c.index(), c.name(), c.email(), c.currentJobTitle(), c.currentOrganisationOdsCode(), c.notes(),
                c.regions(), c.organisationTypes(), c.considersChallengedOrganisations(), List.copyOf(assessments), c.fitAndProper(),
                c.exits(), List.copyOf(checks));
    }
}
