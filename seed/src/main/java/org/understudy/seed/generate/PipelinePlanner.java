package org.understudy.seed.generate;

import org.understudy.events.BoardRole;
import org.understudy.events.ExitReason;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.seed.generate.PipelinePlan.Assessment;
import org.understudy.seed.generate.PipelinePlan.CandidatePlan;
import org.understudy.seed.generate.PipelinePlan.Departure;
import org.understudy.seed.generate.PipelinePlan.ExitPlan;
import org.understudy.seed.generate.PipelinePlan.FitCheck;
import org.understudy.seed.generate.PipelinePlan.Holder;
import org.understudy.seed.generate.PipelinePlan.NominationPlan;
import org.understudy.seed.generate.PipelinePlan.Organisation;
import org.understudy.seed.generate.PipelinePlan.OrganisationPlan;
import org.understudy.seed.generate.PipelinePlan.PostKey;
import org.understudy.seed.generate.PipelinePlan.PostPlan;
import org.understudy.seed.generate.PipelinePlan.RecruitmentPlan;
import org.understudy.seed.generate.PipelinePlan.PostState;
import org.understudy.seed.generate.PipelinePlan.Stage;
import org.understudy.seed.generate.PipelinePlan.Tenure;
import org.understudy.seed.generate.PipelinePlan.VacancyPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a {@link PipelinePlan} from a seed: a pure function of (seed, number of candidates,
 * organisations). One {@link Random} drives every choice, in a fixed order, so the same inputs
 * always give the same plan. The numbers it draws from are in {@link Calibration}.
 */
public final class PipelinePlanner {
    public static final List<BoardRole> ROLES = List.of(BoardRole.CHIEF_EXECUTIVE, BoardRole.CHAIR);
    private static final List<BoardRole> EXECUTIVE_ROLES = List.of(BoardRole.CHIEF_OPERATING_OFFICER,
            BoardRole.CHIEF_FINANCIAL_OFFICER, BoardRole.CHIEF_MEDICAL_OFFICER, BoardRole.CHIEF_NURSE);
    private static final List<String> CEO_TRACK_TITLES = List.of("Deputy Chief Executive", "Chief Operating Officer",
            "Chief Financial Officer", "Chief Medical Officer", "Chief Nurse", "Director of Strategy");
    private static final List<String> CHAIR_TRACK_TITLES = List.of("Non-Executive Director", "Vice Chair",
            "Senior Independent Director");
    private static final List<OrganisationType> TRUST_TYPES = List.of(OrganisationType.ACUTE, OrganisationType.MENTAL_HEALTH,
            OrganisationType.COMMUNITY, OrganisationType.AMBULANCE, OrganisationType.SPECIALIST);
    private static final LeavingReason[] LEAVING = {LeavingReason.RESIGNED, LeavingReason.RETIRED, LeavingReason.MOVED,
            LeavingReason.DISMISSED};
    private static final ExitReason[] EXITS = {ExitReason.RESIGNED, ExitReason.RETIRED, ExitReason.MOVED, ExitReason.DISMISSED};
    private static final ReadinessLevel[] LEVELS = ReadinessLevel.values(); // READY_NOW .. NOT_READY, most ready first

    private enum Track {
        CEO, CHAIR, BOTH;

        boolean covers(BoardRole role) {
            return this == BOTH || (this == CEO) == (role == BoardRole.CHIEF_EXECUTIVE);
        }

        List<BoardRole> roles() {
            return this == BOTH ? ROLES : List.of(this == CEO ? BoardRole.CHIEF_EXECUTIVE : BoardRole.CHAIR);
        }
    }

    /** A candidate while the plan is being built. */
    private static final class Draft {
        final int index;
        Track track;
        Organisation home;
        List<Region> regions;
        List<OrganisationType> types;
        boolean considersChallenged;
        String jobTitle;
        String currentOds;
        PostKey holds;
        boolean holdsInterim;
        boolean formerHolder;
        final List<ExitPlan> exits = new ArrayList<>();
        final List<Assessment> assessments = new ArrayList<>();
        FitCheck fit;

        Draft(int index) {
            this.index = index;
        }
    }

    /** A post while the plan is being built. */
    private static final class PostDraft {
        final PostKey key;
        final OrganisationPlan organisation;
        PostState state;
        final List<Tenure> tenures = new ArrayList<>();
        Departure departure;

        PostDraft(PostKey key, OrganisationPlan organisation) {
            this.key = key;
            this.organisation = organisation;
        }

        PostPlan build() {
            return new PostPlan(key, organisation.oversightSegment(), List.copyOf(tenures), departure);
        }
    }

    private final Random random;
    /** Advert dates: drawn apart from {@link #random}, so that the rest of a seed's plan is as it was without them. */
    private final Random dates;
    private final long seed;
    private final int candidateCount;
    private final List<Organisation> organisations;
    private int namedPeople;
    private final Map<String, OrganisationPlan> orgByCode = new java.util.HashMap<>();

    private PipelinePlanner(long seed, int candidateCount, List<Organisation> organisations) {
        this.seed = seed;
        this.random = new Random(seed);
        this.dates = new Random(seed + 1);
        this.candidateCount = candidateCount;
        this.organisations = organisations.stream().sorted(Comparator.comparing(Organisation::odsCode)).toList();
    }

    /**
     * The plan for these organisations (in any order: they are sorted by ODS code first).
     *
     * @param candidateCount people in the pipeline: a demo a few thousand, the national stress set 20,000
     */
    public static PipelinePlan plan(long seed, int candidateCount, List<Organisation> organisations) {
        return plan(seed, candidateCount, organisations, false);
    }

    /**
     * The plan, with years of each candidate's history when {@code careerHistory} ({@link CareerHistory}:
     * the national stress set's hundreds of thousands of events); the same plan otherwise.
     */
    public static PipelinePlan plan(long seed, int candidateCount, List<Organisation> organisations, boolean careerHistory) {
        PipelinePlan plan = base(seed, candidateCount, organisations);
        return careerHistory ? CareerHistory.extend(plan) : plan;
    }

    private static PipelinePlan base(long seed, int candidateCount, List<Organisation> organisations) {
        if (candidateCount < 0) {
            throw new IllegalArgumentException("candidateCount must be 0 or more");
        }
        if (organisations.isEmpty()) {
            throw new IllegalArgumentException("no organisations to plan for");
        }
        return new PipelinePlanner(seed, candidateCount, organisations).build();
    }

    private PipelinePlan build() {
        List<OrganisationPlan> orgs = segments();
        List<Draft> drafts = candidates();
        List<PostDraft> posts = posts(orgs);
        holders(posts, drafts);
        List<CandidatePlan> candidates = finish(drafts);
        List<PostPlan> postPlans = posts.stream().map(PostDraft::build).toList();
        List<NominationPlan> nominations = nominations(candidates, drafts, postPlans);
        List<VacancyPlan> vacancies = vacancies(candidates, drafts, postPlans);
        List<RecruitmentPlan> recruitments = recruitments(drafts, postPlans, vacancies);
        return new PipelinePlan(seed, orgs, candidates, postPlans, nominations, vacancies, recruitments);
    }

    // --- organisations ---------------------------------------------------------------------------

    /** Segments by quota (the shares of {@link Calibration#SEGMENT_SHARE}, rounded), shuffled over the organisations. */
    private List<OrganisationPlan> segments() {
        int n = organisations.size();
        List<Integer> segments = new ArrayList<>(n);
        for (int s = 1; s <= 5; s++) {
            long count = Math.round(Calibration.SEGMENT_SHARE[s] * n);
            for (int i = 0; i < count && segments.size() < n; i++) {
                segments.add(s);
            }
        }
        while (segments.size() < n) {
            segments.add(2);
        }
        Collections.shuffle(segments, random);
        List<OrganisationPlan> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Organisation o = organisations.get(i);
            OrganisationPlan plan = new OrganisationPlan(o.odsCode(), o.region(), o.type(), segments.get(i));
            orgByCode.put(plan.odsCode(), plan);
            result.add(plan);
        }
        return List.copyOf(result);
    }

    // --- candidates: who they are, where they would work ----------------------------------------

    private List<Draft> candidates() {
        List<Draft> drafts = new ArrayList<>(candidateCount);
        for (int i = 0; i < candidateCount; i++) {
            Draft d = new Draft(i);
            double t = random.nextDouble();
            d.track = t < Calibration.TRACK_CEO ? Track.CEO : t < Calibration.TRACK_CEO + Calibration.TRACK_CHAIR ? Track.CHAIR : Track.BOTH;
            // Home: a trust drawn uniformly, so candidates are spread over regions and types as the trusts are.
            d.home = organisations.get(random.nextInt(organisations.size()));
            d.currentOds = d.home.odsCode();
            Set<Region> regions = new LinkedHashSet<>(List.of(d.home.region()));
            int extra = weighted(Calibration.EXTRA_REGION_WEIGHTS);
            List<Region> others = new ArrayList<>(List.of(Region.values()));
            others.remove(d.home.region());
            for (int k = 0; k < extra; k++) {
                regions.add(others.remove(random.nextInt(others.size())));
            }
            d.regions = regions.stream().sorted().toList();
            Set<OrganisationType> types = new LinkedHashSet<>(List.of(d.home.type()));
            if (random.nextDouble() < Calibration.EXTRA_TYPE) {
                List<OrganisationType> otherTypes = new ArrayList<>(TRUST_TYPES);
                otherTypes.remove(d.home.type());
                types.add(otherTypes.get(random.nextInt(otherTypes.size())));
            }
            d.types = types.stream().sorted().toList();
            d.considersChallenged = random.nextDouble() < Calibration.CONSIDERS_CHALLENGED;
            List<String> titles = d.track == Track.CHAIR ? CHAIR_TRACK_TITLES : CEO_TRACK_TITLES;
            d.jobTitle = titles.get(random.nextInt(titles.size()));
            drafts.add(d);
        }
        return drafts;
    }

    // --- posts: who held them, and when ----------------------------------------------------------

    private List<PostDraft> posts(List<OrganisationPlan> orgs) {
        List<PostDraft> posts = new ArrayList<>();
        for (OrganisationPlan o : orgs) {
            for (BoardRole role : ROLES) {
                posts.add(new PostDraft(new PostKey(o.odsCode(), role), o));
            }
        }
        // Posts without a substantive holder: a quota per segment, drawn at random within it.
        for (int s = 1; s <= 5; s++) {
            List<PostDraft> inSegment = new ArrayList<>();
            for (PostDraft p : posts) {
                if (p.organisation.oversightSegment() == s) {
                    inSegment.add(p);
                }
            }
            Collections.shuffle(inSegment, random);
            long unfilled = Math.round(Calibration.VACANT_OR_INTERIM_SHARE[s] * inSegment.size());
            for (int i = 0; i < inSegment.size(); i++) {
                inSegment.get(i).state = i < unfilled
                        ? (random.nextDouble() < Calibration.INTERIM_SHARE_OF_UNFILLED ? PostState.INTERIM : PostState.VACANT)
                        : PostState.HELD;
            }
        }
        // Time in post of the substantive holders: stratified per segment and role (each holder gets
        // one of k equal slices of the distribution, in random order), so that the medians the
        // calibration promises hold for every seed, not just on average.
        Map<PostDraft, Integer> heldFor = new java.util.IdentityHashMap<>();
        for (int s = 1; s <= 5; s++) {
            for (BoardRole role : ROLES) {
                List<PostDraft> held = new ArrayList<>();
                for (PostDraft p : posts) {
                    if (p.organisation.oversightSegment() == s && p.key.role() == role && p.state == PostState.HELD) {
                        held.add(p);
                    }
                }
                List<Integer> slices = new ArrayList<>();
                for (int i = 0; i < held.size(); i++) {
                    slices.add(i);
                }
                Collections.shuffle(slices, random);
                for (int i = 0; i < held.size(); i++) {
                    double u = (slices.get(i) + random.nextDouble()) / held.size();
                    heldFor.put(held.get(i), tenureDays(s, role, Normal.quantile(u)));
                }
            }
        }
        for (PostDraft p : posts) {
            int segment = p.organisation.oversightSegment();
            LeavingReason reason = LEAVING[weighted(Calibration.LEAVING_WEIGHTS[segment])];
            int predecessorTenure = tenureDays(segment, p.key.role(), random.nextGaussian());
            switch (p.state) {
                case HELD -> {
                    int since = heldFor.get(p);
                    if (random.nextDouble() < Calibration.INTERIM_BEFORE_CURRENT[segment]) {
                        int interimFrom = since + 60 + random.nextInt(241);
                        p.tenures.add(new Tenure(null, interimFrom + predecessorTenure, false, null));
                        p.tenures.add(new Tenure(named(), interimFrom, true, reason));
                        p.tenures.add(new Tenure(null, since, false, LeavingReason.END_OF_INTERIM));
                    } else {
                        p.tenures.add(new Tenure(null, since + predecessorTenure, false, null));
                        p.tenures.add(new Tenure(null, since, false, reason));
                    }
                }
                case INTERIM -> {
                    int since = 30 + random.nextInt(301);
                    p.tenures.add(new Tenure(null, since + predecessorTenure, false, null));
                    p.tenures.add(new Tenure(null, since, true, reason));
                }
                case VACANT -> {
                    int since = 14 + random.nextInt(227);
                    p.tenures.add(new Tenure(null, since + predecessorTenure, false, null));
                    p.departure = new Departure(since, reason);
                }
            }
        }
        return posts;
    }

    /** Time in post, in days, for a standard normal deviate z: log-normal around the segment's median (chairs a little longer). */
    private static int tenureDays(int segment, BoardRole role, double z) {
        double median = Calibration.CEO_MEDIAN_TENURE_YEARS[segment] * (role == BoardRole.CHAIR ? Calibration.CHAIR_TENURE_FACTOR : 1);
        double years = Math.exp(Math.log(median) + Calibration.TENURE_SIGMA * z);
        return (int) Math.round(Math.max(30, Math.min(Calibration.MAX_TENURE_YEARS * 365.25, years * 365.25)));
    }

    /** Fills in who held each spell: mostly people known by name, some candidates in the pipeline. */
    private void holders(List<PostDraft> posts, List<Draft> drafts) {
        List<Integer> ceoPool = new ArrayList<>();
        List<Integer> chairPool = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.track.covers(BoardRole.CHIEF_EXECUTIVE)) {
                ceoPool.add(d.index);
            }
            if (d.track.covers(BoardRole.CHAIR)) {
                chairPool.add(d.index);
            }
        }
        record Former(int candidate, PostDraft post, int daysAgo, LeavingReason reason) {
        }
        List<Former> formers = new ArrayList<>();
        for (PostDraft p : posts) {
            List<Integer> pool = p.key.role() == BoardRole.CHIEF_EXECUTIVE ? ceoPool : chairPool;
            for (int i = 0; i < p.tenures.size(); i++) {
                Tenure t = p.tenures.get(i);
                if (t.holder() != null) {
                    continue; // a past interim: by name
                }
                boolean last = i == p.tenures.size() - 1 && p.departure == null;
                Holder holder = null;
                if (last) {
                    double chance = t.interim() ? Calibration.INTERIM_HOLDER_IN_PIPELINE : Calibration.SUBSTANTIVE_HOLDER_IN_PIPELINE;
                    if (random.nextDouble() < chance) {
                        Draft d = unused(pool, drafts);
                        if (d != null) {
                            holdsNow(d, p, t.interim());
                            holder = Holder.candidate(d.index);
                        }
                    }
                } else {
                    int leftDaysAgo = i + 1 < p.tenures.size() ? p.tenures.get(i + 1).sinceDaysAgo() : p.departure.daysAgo();
                    LeavingReason reason = i + 1 < p.tenures.size() ? p.tenures.get(i + 1).previousLeftBecause() : p.departure.reason();
                    if (reason != LeavingReason.RETIRED && random.nextDouble() < Calibration.PREVIOUS_HOLDER_IN_PIPELINE) {
                        Draft d = unused(pool, drafts);
                        if (d != null) {
                            d.formerHolder = true;
                            d.exits.add(new ExitPlan(p.key, p.key.odsCode(), p.key.role(), leftDaysAgo, exitReason(reason)));
                            holder = Holder.candidate(d.index);
                            formers.add(new Former(d.index, p, leftDaysAgo, reason));
                        }
                    }
                }
                p.tenures.set(i, new Tenure(holder != null ? holder : named(), t.sinceDaysAgo(), t.interim(), t.previousLeftBecause()));
            }
        }
        // Some who were dismissed, or moved on, hold a post elsewhere now (appointed after they left).
        for (Former f : formers) {
            double chance = f.reason() == LeavingReason.DISMISSED ? Calibration.REAPPOINTED_AFTER_DISMISSAL
                    : f.reason() == LeavingReason.MOVED ? Calibration.REAPPOINTED_AFTER_MOVE : 0;
            if (chance == 0 || random.nextDouble() >= chance) {
                continue;
            }
            List<PostDraft> eligible = new ArrayList<>();
            for (PostDraft p : posts) {
                if (p.key.role() == f.post().key.role() && !p.key.odsCode().equals(f.post().key.odsCode())
                        && p.state == PostState.HELD && !p.tenures.get(p.tenures.size() - 1).holder().isCandidate()
                        && p.tenures.get(p.tenures.size() - 1).sinceDaysAgo() < f.daysAgo()) {
                    eligible.add(p);
                }
            }
            if (eligible.isEmpty()) {
                continue;
            }
            PostDraft p = eligible.get(random.nextInt(eligible.size()));
            Tenure current = p.tenures.get(p.tenures.size() - 1);
            p.tenures.set(p.tenures.size() - 1, new Tenure(Holder.candidate(f.candidate()), current.sinceDaysAgo(), false,
                    current.previousLeftBecause()));
            holdsNow(drafts.get(f.candidate()), p, false);
        }
    }

    /** A sitting leader looks for a next post near where they are: their own region and kind of trust. */
    private static void holdsNow(Draft d, PostDraft p, boolean interim) {
        d.holds = p.key;
        d.holdsInterim = interim;
        d.regions = List.of(p.organisation.region());
        d.types = List.of(p.organisation.type());
    }

    /** A candidate from the pool who holds and held no post yet; null if none is found quickly. */
    private Draft unused(List<Integer> pool, List<Draft> drafts) {
        if (pool.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            Draft d = drafts.get(pool.get(random.nextInt(pool.size())));
            if (d.holds == null && !d.formerHolder) {
                return d;
            }
        }
        return null;
    }

    private Holder named() {
        namedPeople++;
        return Holder.named(String.format("Synthetic Person %04d", namedPeople));
    }

    private static ExitReason exitReason(LeavingReason reason) {
        ExitReason exit = reason.asExit();
        if (exit == null) {
            throw new IllegalArgumentException("an interim's end is not a career exit");
        }
        return exit;
    }

    // --- candidates: readiness, fit and proper, exits --------------------------------------------

    private List<CandidatePlan> finish(List<Draft> drafts) {
        List<CandidatePlan> result = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            String board = "Synthetic talent board, " + d.home.region().displayName();
            for (BoardRole role : d.track.roles()) {
                ReadinessLevel level;
                int daysAgo;
                if (role.equals(d.holds == null ? null : d.holds.role())) {
                    level = d.holdsInterim && random.nextDouble() < 0.8 ? ReadinessLevel.READY_1_2_YEARS : ReadinessLevel.READY_NOW;
                    daysAgo = 1 + random.nextInt(365);
                } else {
                    level = LEVELS[weighted(Calibration.READINESS_WEIGHTS)];
                    daysAgo = 1 + random.nextInt(Calibration.ASSESSMENT_MAX_DAYS_AGO);
                }
                // Earlier assessments, oldest first: each one step less ready than the next, or the same.
                List<Assessment> history = new ArrayList<>();
                ReadinessLevel earlierLevel = level;
                int earlierDaysAgo = daysAgo;
                for (int k = weighted(Calibration.EARLIER_ASSESSMENT_WEIGHTS); k > 0; k--) {
                    earlierDaysAgo += 120 + random.nextInt(271);
                    if (earlierLevel != ReadinessLevel.NOT_READY && random.nextBoolean()) {
                        earlierLevel = LEVELS[earlierLevel.ordinal() + 1];
                    }
                    history.add(0, new Assessment(role, earlierLevel, earlierDaysAgo, board));
                }
                d.assessments.addAll(history);
                d.assessments.add(new Assessment(role, level, daysAgo, board));
            }
            if (d.holds != null) {
                d.fit = new FitCheck(FitAndProperStatus.PASSED, 1 + random.nextInt(330));
                d.currentOds = d.holds.odsCode();
                d.jobTitle = (d.holdsInterim ? "Interim " : "") + (d.holds.role() == BoardRole.CHAIR ? "Chair" : "Chief Executive");
            } else {
                FitAndProperStatus status = FitAndProperStatus.values()[weighted(Calibration.FIT_WEIGHTS)];
                d.fit = switch (status) {
                    case PASSED -> new FitCheck(status, 1 + random.nextInt(Calibration.FIT_MAX_DAYS_AGO));
                    case PENDING -> new FitCheck(status, null);
                    case FAILED -> new FitCheck(status, 30 + random.nextInt(871));
                };
            }
            if (random.nextDouble() < Calibration.UNTRACKED_EXIT) {
                BoardRole role = d.track == Track.CHAIR || (d.track == Track.BOTH && random.nextBoolean())
                        ? BoardRole.NON_EXECUTIVE_DIRECTOR : EXECUTIVE_ROLES.get(random.nextInt(EXECUTIVE_ROLES.size()));
                Organisation where = organisations.get(random.nextInt(organisations.size()));
                int daysAgo = 60 + random.nextInt(2441);
                d.exits.add(new ExitPlan(null, where.odsCode(), role, daysAgo, EXITS[weighted(Calibration.UNTRACKED_EXIT_WEIGHTS)]));
            }
            List<ExitPlan> exits = new ArrayList<>(d.exits);
            exits.sort(Comparator.comparingInt(ExitPlan::daysAgo).reversed());
            String number = String.format("%05d", d.index + 1);
            result.add(new CandidatePlan(d.index, "Synthetic Candidate " + number,
                    "synthetic.candidate." + number + ".seed" + (seed < 0 ? "m" + -seed : seed) + "@example.invalid",
                    d.jobTitle, d.currentOds,
                    "Synthetic record made by the Understudy seed generator (seed " + seed + "); not a real person.",
                    d.regions, d.types, d.considersChallenged, List.copyOf(d.assessments), d.fit, List.copyOf(exits), List.of()));
        }
        return List.copyOf(result);
    }

    // --- nominations -----------------------------------------------------------------------------

    private List<NominationPlan> nominations(List<CandidatePlan> candidates, List<Draft> drafts, List<PostPlan> posts) {
        Map<BoardRole, List<PostPlan>> byRole = new EnumMap<>(BoardRole.class);
        Map<String, OrganisationPlan> orgs = orgByCode;
        for (PostPlan p : posts) {
            byRole.computeIfAbsent(p.key().role(), r -> new ArrayList<>()).add(p);
        }
        List<NominationPlan> result = new ArrayList<>();
        for (CandidatePlan c : candidates) {
            Draft d = drafts.get(c.index());
            for (BoardRole role : d.track.roles()) {
                if (d.holds != null && d.holds.role() == role) {
                    continue; // holds such a post: not named to another
                }
                ReadinessLevel level = c.current(role).level();
                double chance = switch (level) {
                    case READY_NOW -> Calibration.NOMINATED_READY_NOW;
                    case READY_1_2_YEARS -> Calibration.NOMINATED_READY_1_2;
                    case READY_3_PLUS -> Calibration.NOMINATED_READY_3_PLUS;
                    case NOT_READY -> 0;
                };
                if (chance == 0 || random.nextDouble() >= chance) {
                    continue;
                }
                int count = random.nextDouble() < Calibration.SECOND_NOMINATION ? 2 : 1;
                List<PostPlan> eligible = new ArrayList<>();
                for (PostPlan p : byRole.getOrDefault(role, List.of())) {
                    OrganisationPlan o = orgs.get(p.key().odsCode());
                    if (c.regions().contains(o.region()) && c.organisationTypes().contains(o.type())
                            && (o.oversightSegment() < 4 || c.considersChallengedOrganisations())
                            && !Integer.valueOf(c.index()).equals(p.currentCandidate())) {
                        eligible.add(p);
                    }
                }
                for (int k = 0; k < count && !eligible.isEmpty(); k++) {
                    PostPlan p = eligible.remove(random.nextInt(eligible.size()));
                    result.add(new NominationPlan(c.index(), p.key(), level));
                }
            }
        }
        return List.copyOf(result);
    }

    // --- vacancies -------------------------------------------------------------------------------

    /** Who could apply: candidates on the role's track, by region they would work in. */
    private static Map<BoardRole, Map<Region, List<Integer>>> applicantPool(List<Draft> drafts) {
        Map<BoardRole, Map<Region, List<Integer>>> pool = new EnumMap<>(BoardRole.class);
        for (Draft d : drafts) {
            for (BoardRole role : d.track.roles()) {
                for (Region r : d.regions) {
                    pool.computeIfAbsent(role, x -> new EnumMap<>(Region.class)).computeIfAbsent(r, x -> new ArrayList<>()).add(d.index);
                }
            }
        }
        return pool;
    }

    /**
     * The recruitments that appointed the substantive holders who started in the last two years (posts with a
     * vacancy in play left out). Drawn after everything else, so that the rest of a seed's plan is as it was
     * without them.
     */
    private List<RecruitmentPlan> recruitments(List<Draft> drafts, List<PostPlan> posts, List<VacancyPlan> inPlay) {
        Map<BoardRole, Map<Region, List<Integer>>> pool = applicantPool(drafts);
        Set<PostKey> advertised = new HashSet<>();
        inPlay.forEach(v -> advertised.add(v.post()));
        List<RecruitmentPlan> result = new ArrayList<>();
        for (PostPlan p : posts) {
            if (p.state() != PostState.HELD || advertised.contains(p.key())) {
                continue;
            }
            int start = p.current().sinceDaysAgo();
            if (start > Calibration.COMPLETED_WITHIN_DAYS || start < 30) {
                continue;
            }
            int group = Calibration.segmentGroup(p.oversightSegment());
            int filled = start + Calibration.FILLED_BEFORE_START[0] + random.nextInt(Calibration.FILLED_BEFORE_START[1]);
            int first = filled + Calibration.TIME_TO_APPOINT[0] + random.nextInt(Calibration.TIME_TO_APPOINT[1]);
            int readverts = random.nextDouble() < Calibration.READVERTISED[group] ? 1 : 0;
            Integer appointee = p.currentCandidate();
            Set<Integer> taken = new HashSet<>();
            List<Integer> applicants = new ArrayList<>();
            if (appointee != null) {
                applicants.add(appointee);
                taken.add(appointee);
            }
            int wanted = Math.max(0, 1 + weighted(Calibration.APPLICANT_WEIGHTS[group]) - applicants.size());
            applicants.addAll(pick(wanted, p, orgByCode, pool, taken));
            int size = Math.min(applicants.size(), 1 + weighted(Calibration.SHORTLIST_WEIGHTS[group]));
            result.add(new RecruitmentPlan(p.key(), first, filled, readverts, List.copyOf(applicants),
                    List.copyOf(applicants.subList(0, size)), appointee));
        }
        return List.copyOf(result);
    }

    private List<VacancyPlan> vacancies(List<CandidatePlan> candidates, List<Draft> drafts, List<PostPlan> posts) {
        Map<BoardRole, Map<Region, List<Integer>>> pool = applicantPool(drafts);
        Map<String, OrganisationPlan> orgs = orgByCode;
        List<VacancyPlan> result = new ArrayList<>();
        for (PostPlan p : posts) {
            double chance = switch (p.state()) {
                case VACANT -> Calibration.VACANCY_IF_VACANT;
                case INTERIM -> Calibration.VACANCY_IF_INTERIM;
                case HELD -> Calibration.VACANCY_IF_HELD;
            };
            if (random.nextDouble() >= chance) {
                continue;
            }
            int group = Calibration.segmentGroup(p.oversightSegment());
            Stage stage = Stage.values()[weighted(Calibration.STAGE_WEIGHTS)];
            int wanted = 1 + weighted(Calibration.APPLICANT_WEIGHTS[group]);
            if (stage == Stage.OPEN) {
                wanted = random.nextInt(wanted + 1); // still receiving applications
            }
            boolean readvertised = random.nextDouble() < Calibration.READVERTISED[group];
            int firstRound = readvertised ? random.nextInt(3) : 0;
            Set<Integer> taken = new HashSet<>();
            Integer holder = p.currentCandidate();
            if (holder != null) {
                taken.add(holder); // a substantive holder does not apply for their own post
            }
            List<Integer> lapsed = readvertised ? pick(firstRound, p, orgs, pool, taken) : null;
            List<Integer> applicants = new ArrayList<>();
            if (holder != null && p.state() == PostState.INTERIM && wanted > 0 && random.nextDouble() < Calibration.INTERIM_APPLIES) {
                applicants.add(holder);
                wanted--;
            }
            applicants.addAll(pick(wanted, p, orgs, pool, taken));
            List<Integer> shortlist = List.of();
            List<Integer> all = new ArrayList<>(applicants);
            if (lapsed != null) {
                all.addAll(lapsed);
            }
            if (stage != Stage.OPEN) {
                if (all.isEmpty()) {
                    stage = Stage.OPEN; // no one to shortlist (a tiny pool): the advert is still open
                } else {
                    int size = Math.min(all.size(), 1 + weighted(Calibration.SHORTLIST_WEIGHTS[group]));
                    // The most ready are shortlisted; ties broken at random.
                    Collections.shuffle(all, random);
                    BoardRole role = p.key().role();
                    all.sort(Comparator.comparingInt(i -> {
                        Assessment a = candidates.get(i).current(role);
                        return a == null ? LEVELS.length : a.level().ordinal();
                    }));
                    shortlist = List.copyOf(all.subList(0, size));
                }
            }
            int closing = 7 + random.nextInt(36);
            int[] since = Calibration.ADVERTISED_DAYS_AGO[stage.ordinal()];
            int advertised = since[0] + dates.nextInt(since[1]);
            int readvertisedDaysAgo = 0;
            if (lapsed != null) {
                readvertisedDaysAgo = advertised;
                advertised += Calibration.FIRST_ADVERT_DAYS[0] + dates.nextInt(Calibration.FIRST_ADVERT_DAYS[1]);
            }
            result.add(new VacancyPlan(p.key(), stage, closing, advertised, readvertisedDaysAgo, lapsed == null ? null : List.copyOf(lapsed),
                    List.copyOf(applicants), shortlist));
        }
        return List.copyOf(result);
    }

    /** Up to {@code count} applicants who would work in the post's region, not already taken. */
    private List<Integer> pick(int count, PostPlan post, Map<String, OrganisationPlan> orgs,
                               Map<BoardRole, Map<Region, List<Integer>>> pool, Set<Integer> taken) {
        List<Integer> from = pool.getOrDefault(post.key().role(), Map.of()).getOrDefault(orgs.get(post.key().odsCode()).region(), List.of());
        List<Integer> picked = new ArrayList<>();
        for (int attempt = 0; picked.size() < count && attempt < 50 * Math.max(1, count) && !from.isEmpty(); attempt++) {
            Integer candidate = from.get(random.nextInt(from.size()));
            if (taken.add(candidate)) {
                picked.add(candidate);
            }
        }
        return picked;
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** An index drawn with the given weights. */
    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
