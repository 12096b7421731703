package org.understudy.seed.generate;

/**
 * The numbers the generator draws from, and where they come from. seed/README.md gives the sources
 * in full; the tests check that plans fall in the ranges stated there.
 *
 * <p>Published figures used:
 * <ul>
 * <li>The King's Fund and NHS Providers, "Leadership in today's NHS: delivering the impossible" (2018):
 *     median tenure of a trust chief executive three years; 8% of executive director posts vacant or
 *     filled by an interim; 14% of posts vacant at trusts rated inadequate, 3% at trusts rated outstanding.</li>
 * <li>HSJ, "Short tenure of inadequate trust chiefs laid bare" (2017): median CEO tenure 11 months at
 *     trusts rated inadequate, just over seven years at trusts rated outstanding.</li>
 * <li>HSJ, "Revealed: 75% of worst trusts had leaders replaced in past two years" (2024): at 14 of the
 *     20 trusts in the lowest oversight segment the CEO and/or chair changed in the past two years;
 *     median time in post of their CEOs and chairs 1 year 11 months.</li>
 * <li>The King's Fund, "Leadership vacancies in the NHS" (2014): 7% of trusts without a substantive
 *     chief executive, 17% of trusts in special measures.</li>
 * </ul>
 * Where no published figure was found (segment shares, applicants per advert, readiness shares,
 * mobility), the value is an assumption, marked so.
 */
public final class Calibration {
    private Calibration() {
    }

    /**
     * Share of organisations per oversight segment 1..5 (assumption: NHS England publishes the
     * segmentation but not a stable national split; segment 4 about a tenth, as the 20 trusts of
     * the 2024 HSJ analysis; segment 5, the intensive-support programme, a handful).
     */
    public static final double[] SEGMENT_SHARE = {0, 0.15, 0.40, 0.30, 0.12, 0.03};

    /**
     * Median time in post of a substantive chief executive, in years, per segment. Chosen so that the
     * national median is about 3 years (King's Fund 2018), long in segment 1 (outstanding: 7 years,
     * HSJ 2017) and short in segments 4 and 5 (inadequate: 11 months, HSJ 2017; lowest tier: 1 year
     * 11 months for CEOs and chairs together, HSJ 2024).
     */
    public static final double[] CEO_MEDIAN_TENURE_YEARS = {0, 5.2, 3.6, 2.6, 1.7, 1.0};

    /** Chairs serve terms of three years, often renewed: a little longer in post than CEOs (assumption). */
    public static final double CHAIR_TENURE_FACTOR = 1.2;

    /** Spread of time in post (sigma of the log-normal). */
    public static final double TENURE_SIGMA = 0.75;

    /** Longest time in post drawn, in years. */
    public static final double MAX_TENURE_YEARS = 16;

    /**
     * Share of posts vacant or held by an interim, per segment: 3% in segment 1 and 14% or more in
     * segments 4 and 5 (King's Fund 2018: outstanding 3%, inadequate 14%), about 8% nationally.
     */
    public static final double[] VACANT_OR_INTERIM_SHARE = {0, 0.03, 0.06, 0.09, 0.15, 0.25};

    /** Of the posts without a substantive holder, the share held by an interim rather than empty (assumption). */
    public static final double INTERIM_SHARE_OF_UNFILLED = 0.6;

    /**
     * Share of substantive holders who came after an interim (the post was covered between leaders),
     * by segment (assumption: commoner where leaders are removed).
     */
    public static final double[] INTERIM_BEFORE_CURRENT = {0, 0.10, 0.15, 0.25, 0.40, 0.50};

    /**
     * Why the previous holder left, weights for RESIGNED, RETIRED, MOVED, DISMISSED, per segment
     * (assumption: mostly voluntary, as the design's example "2 of the last 3 CEO exits were voluntary";
     * dismissals concentrated in the worst segments).
     */
    public static final int[][] LEAVING_WEIGHTS = {
            {},
            {27, 30, 38, 5},
            {27, 28, 38, 7},
            {30, 22, 35, 13},
            {33, 12, 27, 28},
            {33, 7, 25, 35},
    };

    /** Career tracks of candidates: chief executive only, chair only, both (assumption). */
    public static final double TRACK_CEO = 0.55;
    public static final double TRACK_CHAIR = 0.30;

    /** Readiness level weights for a candidate's role: READY_NOW, READY_1_2_YEARS, READY_3_PLUS, NOT_READY (assumption). */
    public static final int[] READINESS_WEIGHTS = {6, 30, 38, 26};

    /** Readiness assessments are spread over the last two years: a quarter are stale (older than 18 months). */
    public static final int ASSESSMENT_MAX_DAYS_AGO = 1095;

    /**
     * Readiness history: how many earlier assessments for the same role (0, 1, 2, 3), each 4 to 13
     * months before the next and at most as ready (assumption: talent boards review once or twice a year).
     */
    public static final int[] EARLIER_ASSESSMENT_WEIGHTS = {50, 25, 15, 10};

    /**
     * Career history ({@code --history}, the national stress set): earlier readiness assessments per role
     * before those above, each 3 to 8 months before the next (assumption: quarterly to twice-yearly talent
     * reviews over up to 12 years in the pipeline), and earlier passed fit and proper checks, renewed yearly
     * (the Fit and Proper Person Test Framework asks for an annual check).
     */
    public static final int HISTORY_MIN_ASSESSMENTS = 10;
    public static final int HISTORY_MAX_ASSESSMENTS = 22;
    public static final int HISTORY_MIN_CHECKS = 2;
    public static final int HISTORY_MAX_CHECKS = 8;

    /** Fit and proper: PASSED, PENDING, FAILED weights (assumption); PASSED checks up to 18 months old, so a third have lapsed. */
    public static final int[] FIT_WEIGHTS = {80, 14, 6};
    public static final int FIT_MAX_DAYS_AGO = 730;

    /** Mobility: how many regions besides the home one (0, 1, 2) and the chance of a second organisation type (assumption). */
    public static final int[] EXTRA_REGION_WEIGHTS = {70, 25, 5};
    public static final double EXTRA_TYPE = 0.30;

    /** Would consider an organisation in segment 4 or 5 (assumption). */
    public static final double CONSIDERS_CHALLENGED = 0.35;

    /** Chance that a holder or former holder is in the pipeline (a candidate) rather than known by name only (assumption). */
    public static final double SUBSTANTIVE_HOLDER_IN_PIPELINE = 0.06;
    public static final double INTERIM_HOLDER_IN_PIPELINE = 0.60;
    public static final double PREVIOUS_HOLDER_IN_PIPELINE = 0.25;

    /** Former holders in the pipeline who hold a post elsewhere now: after a dismissal, after a move (assumption). */
    public static final double REAPPOINTED_AFTER_DISMISSAL = 0.5;
    public static final double REAPPOINTED_AFTER_MOVE = 0.6;

    /** Share of candidates with an earlier exit from an executive or non-executive role not tracked here (assumption). */
    public static final double UNTRACKED_EXIT = 0.18;
    /** Weights for RESIGNED, RETIRED, MOVED, DISMISSED of those exits (assumption). */
    public static final int[] UNTRACKED_EXIT_WEIGHTS = {30, 5, 55, 10};

    /** Chance a candidate is named successor for one or two posts, by readiness (assumption). */
    public static final double NOMINATED_READY_NOW = 0.35;
    public static final double NOMINATED_READY_1_2 = 0.25;
    public static final double NOMINATED_READY_3_PLUS = 0.05;
    public static final double SECOND_NOMINATION = 0.20;

    /** Share of posts with a vacancy in play, by state: vacant, interim, held (an announced departure). */
    public static final double VACANCY_IF_VACANT = 0.90;
    public static final double VACANCY_IF_INTERIM = 0.75;
    public static final double VACANCY_IF_HELD = 0.02;

    /** Stage of a vacancy in play: OPEN, SHORTLISTING, INTERVIEWING weights. */
    public static final int[] STAGE_WEIGHTS = {40, 30, 30};

    /**
     * Applicants per executive advert, weights for 1..6, by segment group 1-2, 3, 4-5 (assumption:
     * "few applicants" - executive adverts draw a handful, fewer at challenged trusts).
     */
    public static final int[][] APPLICANT_WEIGHTS = {
            {8, 17, 25, 22, 16, 12},
            {12, 22, 26, 20, 12, 8},
            {25, 30, 25, 12, 6, 2},
    };

    /** Shortlist size weights for 1..3, by segment group 1-2, 3, 4-5 (shortlists of 1 to 3). */
    public static final int[][] SHORTLIST_WEIGHTS = {
            {35, 38, 27},
            {42, 36, 22},
            {55, 30, 15},
    };

    /** Chance that the advert was run before and lapsed with no appointment, by segment group. */
    public static final double[] READVERTISED = {0.12, 0.20, 0.30};

    /**
     * Days since a vacancy in play was advertised, by stage (OPEN, SHORTLISTING, INTERVIEWING): the least and
     * the spread of a uniform draw (assumption: an executive advert runs 2-6 weeks, shortlisting and
     * interviews take a month or two after it closes). A re-advertised one ran a first advert before,
     * {@code FIRST_ADVERT_DAYS} more days back.
     */
    public static final int[][] ADVERTISED_DAYS_AGO = {{3, 35}, {30, 35}, {50, 60}};
    public static final int[] FIRST_ADVERT_DAYS = {45, 40};

    /**
     * A completed recruitment, for each substantive holder who started in the last two years (and more than
     * a month ago): days from the appointment to the start, least and spread (assumption: notice periods of
     * a few weeks), and days from the first advert to the appointment (assumption: NHS executive searches
     * take two to five months).
     */
    public static final int COMPLETED_WITHIN_DAYS = 730;
    public static final int[] FILLED_BEFORE_START = {14, 46};
    public static final int[] TIME_TO_APPOINT = {60, 100};

    /** Chance that an interim holder who is a candidate applies for the substantive post. */
    public static final double INTERIM_APPLIES = 0.6;

    static int segmentGroup(int segment) {
        return segment <= 2 ? 0 : segment == 3 ? 1 : 2;
    }
}
