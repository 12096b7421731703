package org.understudy.succession.domain;

import org.understudy.events.CandidateStatus;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Validity;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who counts as ready for a post (docs/succession-view.md, "Who counts for a post"), as a pure function of the
 * post, the candidate and the day. Decisions where the design is silent are in
 * docs/succession-view.md.
 *
 * @param staleAfter         a readiness assessment (or a nomination's readiness) older than this no longer counts
 * @param fitCheckValidFor   a fit-and-proper check older than this has lapsed
 * @param challengedSegments oversight segments whose posts count only candidates who would consider a challenged organisation
 */
public record SuccessionRules(Period staleAfter, Period fitCheckValidFor, Set<Integer> challengedSegments) {
    public static final SuccessionRules DEFAULT = new SuccessionRules(Validity.READINESS, Validity.FIT_AND_PROPER, Set.of(4, 5));

    public Contribution evaluate(PostFacts post, CandidateFacts candidate, LocalDate day) {
        if (candidate.status() != CandidateStatus.ACTIVE
                || Objects.equals(candidate.candidateId(), post.incumbentCandidateId())) {
            return Contribution.NONE;
        }
        LocalDate fitExpires = fitCheckExpires(candidate);
        if (fitExpires == null || !day.isBefore(fitExpires)) {
            return Contribution.NONE;
        }
        if (post.oversightSegment() != null && challengedSegments.contains(post.oversightSegment())
                && !candidate.considersChallenged()) {
            return Contribution.NONE;
        }
        CandidateFacts.Assessment named = fresh(candidate.nominations().get(post.postId()), day);
        CandidateFacts.Assessment pool = willingToWorkThere(post, candidate)
                ? fresh(candidate.readiness().get(post.role()), day) : null;
        boolean namedNow = is(named, ReadinessLevel.READY_NOW);
        boolean poolNow = is(pool, ReadinessLevel.READY_NOW);
        Contribution.Level level = namedNow || poolNow ? Contribution.Level.NOW
                : is(named, ReadinessLevel.READY_1_2_YEARS) || is(pool, ReadinessLevel.READY_1_2_YEARS) ? Contribution.Level.SOON
                : null;
        if (level == null) {
            return Contribution.NONE;
        }
        LocalDate expires = Stream.of(fitExpires, staleFrom(named), staleFrom(pool))
                .filter(Objects::nonNull).min(LocalDate::compareTo).orElseThrow();
        return new Contribution(level, namedNow, poolNow, expires);
    }

    /**
     * Why a candidate named for the post does not count for it on the day: every rule of
     * {@link #evaluate} they fail, the readiness rules judged on the nomination. Empty exactly when
     * {@link #evaluate} counts them (through the nomination or through the pool).
     */
    public List<Exclusion> exclusions(PostFacts post, CandidateFacts candidate, LocalDate day) {
        if (evaluate(post, candidate, day).counts()) {
            return List.of();
        }
        List<Exclusion> why = new ArrayList<>();
        if (Objects.equals(candidate.candidateId(), post.incumbentCandidateId())) {
            why.add(Exclusion.THE_INCUMBENT);
        }
        if (candidate.status() == CandidateStatus.WITHDRAWN) {
            why.add(Exclusion.WITHDRAWN);
        } else if (candidate.status() == CandidateStatus.ERASED) {
            why.add(Exclusion.ERASED);
        }
        LocalDate fitExpires = fitCheckExpires(candidate);
        if (fitExpires == null || !day.isBefore(fitExpires)) {
            why.add(Exclusion.FIT_AND_PROPER_NOT_VALID);
        }
        if (post.oversightSegment() != null && challengedSegments.contains(post.oversightSegment()) && !candidate.considersChallenged()) {
            why.add(Exclusion.WILL_NOT_TAKE_A_CHALLENGED_TRUST);
        }
        CandidateFacts.Assessment named = candidate.nominations().get(post.postId());
        if (named == null || !counting(named.level())) {
            why.add(Exclusion.NOT_READY);
        } else if (named.on().isAfter(day)) {
            why.add(Exclusion.ASSESSED_LATER);
        } else if (!day.isBefore(Validity.endsOn(named.on(), staleAfter))) {
            why.add(Exclusion.ASSESSMENT_STALE);
        }
        return why;
    }

    /** The first day a counting assessment goes stale; null for none, or one that does not count. */
    public LocalDate staleFrom(CandidateFacts.Assessment a) {
        return a == null || !counting(a.level()) ? null : Validity.endsOn(a.on(), staleAfter);
    }

    /** The first day the candidate's fit-and-proper check no longer holds; null if it never did. */
    public LocalDate fitCheckExpires(CandidateFacts c) {
        return Validity.fitAndProperEndsOn(c.fitStatus(), c.fitCheckedOn(), fitCheckValidFor);
    }

    private static boolean willingToWorkThere(PostFacts post, CandidateFacts c) {
        return post.region() != null && post.organisationType() != null
                && c.regions().contains(post.region()) && c.organisationTypes().contains(post.organisationType());
    }

    private CandidateFacts.Assessment fresh(CandidateFacts.Assessment a, LocalDate day) {
        return a != null && day.isBefore(Validity.endsOn(a.on(), staleAfter)) && !a.on().isAfter(day) ? a : null;
    }


    private static boolean counting(ReadinessLevel level) {
        return level == ReadinessLevel.READY_NOW || level == ReadinessLevel.READY_1_2_YEARS;
    }

    private static boolean is(CandidateFacts.Assessment a, ReadinessLevel level) {
        return a != null && a.level() == level;
    }
}
