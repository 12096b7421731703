package org.understudy.seed.generate;

import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.util.List;

/**
 * Everything {@code generate-pipeline} will create, decided from the seed before any call is made:
 * a pure value (records of lists), equal for equal inputs. Dates are days before (or after) the day
 * the plan is carried out, so the same seed gives the same plan on any day; the executor turns
 * them into dates. Candidates are referred to by their index in {@link #candidates()}, posts by
 * organisation and role; the executor maps both to the ids the services assign.
 *
 * <p>The executor carries it out in this order: organisations' segments, candidates (registration,
 * readiness, fit and proper, exits from posts the services do not track), posts' incumbents (in
 * date order), exits from tracked posts, nominations, vacancies (those in play and the completed
 * recruitments, imported together).
 */
public record PipelinePlan(long seed, List<OrganisationPlan> organisations, List<CandidatePlan> candidates,
                           List<PostPlan> posts, List<NominationPlan> nominations, List<VacancyPlan> vacancies,
                           List<RecruitmentPlan> recruitments) {

    /** An organisation as the generator found it (from vacancy-service), the input of the plan. */
    public record Organisation(String odsCode, Region region, OrganisationType type) {
    }

    /** The oversight segment the organisation is given. */
    public record OrganisationPlan(String odsCode, Region region, OrganisationType type, int oversightSegment) {
    }

    public record PostKey(String odsCode, BoardRole role) {
        @Override
        public String toString() {
            return role + "@" + odsCode;
        }
    }

    /**
     * A person in the pipeline. {@code index} is their position in the plan (from 0). {@code earlierChecks}
     * are fit and proper checks before the current one, oldest first (only with {@link CareerHistory}).
     */
    public record CandidatePlan(int index, String name, String email, String currentJobTitle, String currentOrganisationOdsCode,
                                String notes, List<Region> regions, List<OrganisationType> organisationTypes,
                                boolean considersChallengedOrganisations, List<Assessment> assessments, FitCheck fitAndProper,
                                List<ExitPlan> exits, List<FitCheck> earlierChecks) {

        /** The current (latest) readiness for a role, or null when never assessed for it. */
        public Assessment current(BoardRole role) {
            Assessment latest = null;
            for (Assessment a : assessments) {
                if (a.role() == role && (latest == null || a.daysAgo() <= latest.daysAgo())) {
                    latest = a;
                }
            }
            return latest;
        }
    }

    /** A readiness assessment, in the order they are recorded (older first for the same role). */
    public record Assessment(BoardRole role, ReadinessLevel level, int daysAgo, String assessedBy) {
    }

    /** The fit and proper person status; {@code daysAgo} is null for a PENDING check with no date. */
    public record FitCheck(FitAndProperStatus status, Integer daysAgo) {
    }

    /**
     * A post the candidate left. {@code post} is set for a post vacancy-service tracks (its incumbent
     * history records the same departure); otherwise {@code odsCode} and {@code role} say where.
     */
    public record ExitPlan(PostKey post, String odsCode, BoardRole role, int daysAgo, ExitReason reason) {
    }

    /** Who holds a post: a candidate (by index) or a named person outside the pipeline. */
    public record Holder(Integer candidate, String name) {
        public static Holder candidate(int index) {
            return new Holder(index, null);
        }

        public static Holder named(String name) {
            return new Holder(null, name);
        }

        public boolean isCandidate() {
            return candidate != null;
        }
    }

    /**
     * One spell in a post. {@code previousLeftBecause} is why the one before left on this one's start
     * date (null for the first spell of the post).
     */
    public record Tenure(Holder holder, int sinceDaysAgo, boolean interim, LeavingReason previousLeftBecause) {
    }

    /** The last holder left and no one replaced them. */
    public record Departure(int daysAgo, LeavingReason reason) {
    }

    public enum PostState {
        /** A substantive (permanent) holder. */
        HELD,
        /** An interim holder. */
        INTERIM,
        /** No holder. */
        VACANT
    }

    /** A post's incumbent history, oldest first; {@code departure} is set when the post is vacant. */
    public record PostPlan(PostKey key, int oversightSegment, List<Tenure> tenures, Departure departure) {
        public PostState state() {
            if (departure != null) {
                return PostState.VACANT;
            }
            return current().interim() ? PostState.INTERIM : PostState.HELD;
        }

        /** The last spell (the current one unless the post is vacant). */
        public Tenure current() {
            return tenures.get(tenures.size() - 1);
        }

        /** Days since the post last changed hands (the current holder's start, or the departure). */
        public int lastChangeDaysAgo() {
            return departure != null ? departure.daysAgo() : current().sinceDaysAgo();
        }

        /** The candidate holding the post now, or null. */
        public Integer currentCandidate() {
            return departure != null ? null : current().holder().candidate();
        }
    }

    public record NominationPlan(int candidate, PostKey post, ReadinessLevel readiness) {
    }

    public enum Stage {
        OPEN, SHORTLISTING, INTERVIEWING
    }

    /**
     * A vacancy in play. When {@code lapsedRound} is not null, a first advert drew those applicants,
     * lapsed with no appointment and was re-advertised; {@code applicants} applied to the (second)
     * advert. {@code shortlist} (a subset of all applicants) is set from SHORTLISTING on.
     * {@code advertisedDaysAgo} is when the (first) advert went out, {@code readvertisedDaysAgo} when the
     * second did (0 when there was none).
     */
    public record VacancyPlan(PostKey post, Stage stage, int closingInDays, int advertisedDaysAgo, int readvertisedDaysAgo,
                              List<Integer> lapsedRound, List<Integer> applicants, List<Integer> shortlist) {
        public int totalApplicants() {
            return (lapsedRound == null ? 0 : lapsedRound.size()) + applicants.size();
        }

        public boolean readvertised() {
            return lapsedRound != null;
        }
    }

    /**
     * A completed recruitment: the one that appointed a substantive holder who started in the last two years.
     * Advertised {@code advertisedDaysAgo}, filled {@code filledDaysAgo} (before the holder's start), with
     * {@code applicants} and a {@code shortlist} among them; {@code appointee} is the holder when in the
     * pipeline (null otherwise).
     */
    public record RecruitmentPlan(PostKey post, int advertisedDaysAgo, int filledDaysAgo, int readverts, List<Integer> applicants,
                                  List<Integer> shortlist, Integer appointee) {
    }

    /** How many HTTP writes (and imported rows) carrying the plan takes (for the progress counter). */
    public long writes() {
        long n = organisations.size();
        for (CandidatePlan c : candidates) {
            n += 2 + c.assessments().size() + c.exits().size() + c.earlierChecks().size(); // register, fit and proper
        }
        for (PostPlan p : posts) {
            n += p.tenures().size() + (p.departure() == null ? 0 : 1);
        }
        n += nominations.size();
        return n + (vacancies.isEmpty() && recruitments.isEmpty() ? 0 : 2); // imported: the vacancies in one file, their applications in another
    }
}
