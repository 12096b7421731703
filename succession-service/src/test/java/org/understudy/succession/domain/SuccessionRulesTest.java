package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.understudy.succession.domain.Contribution.Level.NOW;
import static org.understudy.succession.domain.Contribution.Level.SOON;

/** The succession view's definition (docs/succession-view.md), one row per clause. */
class SuccessionRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final UUID POST = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_POST = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID CANDIDATE = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final SuccessionRules RULES = SuccessionRules.DEFAULT;

    /** A CEO post at a London acute trust in segment 2, held by someone else. */
    private static PostFacts post(UnaryOperator<PostFacts> change) {
        return change.apply(new PostFacts(POST, BoardRole.CHIEF_EXECUTIVE, Region.LONDON, OrganisationType.ACUTE, 2, UUID.randomUUID()));
    }

    /** An active candidate, fit-and-proper checked a month ago, willing to work at London acute trusts, not in challenged ones. */
    private static CandidateFacts candidate(UnaryOperator<CandidateFacts> change) {
        return change.apply(new CandidateFacts(CANDIDATE, CandidateStatus.ACTIVE, FitAndProperStatus.PASSED, TODAY.minusMonths(1),
                Set.of(Region.LONDON), Set.of(OrganisationType.ACUTE), false, Map.of(), Map.of()));
    }

    private static CandidateFacts.Assessment assessed(ReadinessLevel level, LocalDate on) {
        return new CandidateFacts.Assessment(level, on);
    }

    private static UnaryOperator<CandidateFacts> readyForRole(ReadinessLevel level, LocalDate on) {
        return c -> new CandidateFacts(c.candidateId(), c.status(), c.fitStatus(), c.fitCheckedOn(), c.regions(), c.organisationTypes(),
                c.considersChallenged(), Map.of(BoardRole.CHIEF_EXECUTIVE, assessed(level, on)), c.nominations());
    }

    private static UnaryOperator<CandidateFacts> named(UUID post, ReadinessLevel level, LocalDate on) {
        return c -> {
            Map<UUID, CandidateFacts.Assessment> n = new HashMap<>(c.nominations());
            n.put(post, assessed(level, on));
            return new CandidateFacts(c.candidateId(), c.status(), c.fitStatus(), c.fitCheckedOn(), c.regions(), c.organisationTypes(),
                    c.considersChallenged(), c.readiness(), n);
        };
    }

    private static UnaryOperator<CandidateFacts> status(CandidateStatus status) {
        return c -> new CandidateFacts(c.candidateId(), status, c.fitStatus(), c.fitCheckedOn(), c.regions(), c.organisationTypes(),
                c.considersChallenged(), c.readiness(), c.nominations());
    }

    private static UnaryOperator<CandidateFacts> fit(FitAndProperStatus status, LocalDate checkedOn) {
        return c -> new CandidateFacts(c.candidateId(), c.status(), status, checkedOn, c.regions(), c.organisationTypes(),
                c.considersChallenged(), c.readiness(), c.nominations());
    }

    private static UnaryOperator<CandidateFacts> mobility(Set<Region> regions, Set<OrganisationType> types, boolean challenged) {
        return c -> new CandidateFacts(c.candidateId(), c.status(), c.fitStatus(), c.fitCheckedOn(), regions, types,
                challenged, c.readiness(), c.nominations());
    }

    private static UnaryOperator<PostFacts> segment(int segment) {
        return p -> new PostFacts(p.postId(), p.role(), p.region(), p.organisationType(), segment, p.incumbentCandidateId());
    }

    private static UnaryOperator<PostFacts> incumbent(UUID candidate) {
        return p -> new PostFacts(p.postId(), p.role(), p.region(), p.organisationType(), p.oversightSegment(), candidate);
    }

    @SafeVarargs
    private static UnaryOperator<CandidateFacts> all(UnaryOperator<CandidateFacts>... changes) {
        return c -> {
            for (UnaryOperator<CandidateFacts> change : changes) {
                c = change.apply(c);
            }
            return c;
        };
    }

    static Stream<Arguments> definition() {
        LocalDate lastMonth = TODAY.minusMonths(1);
        return Stream.of(
                // namedReadyNow: nominated as successor for P with readiness READY_NOW
                Arguments.of("named ready now", post(p -> p), candidate(named(POST, ReadinessLevel.READY_NOW, lastMonth)), NOW, true, false),
                Arguments.of("named for another post only", post(p -> p), candidate(named(OTHER_POST, ReadinessLevel.READY_NOW, lastMonth)), null, false, false),
                // poolReadyNow: READY_NOW for role R, willing to work in region G and organisation type T
                Arguments.of("pool ready now", post(p -> p), candidate(readyForRole(ReadinessLevel.READY_NOW, lastMonth)), NOW, false, true),
                Arguments.of("pool, but not willing in this region", post(p -> p),
                        candidate(all(readyForRole(ReadinessLevel.READY_NOW, lastMonth), mobility(Set.of(Region.MIDLANDS), Set.of(OrganisationType.ACUTE), false))), null, false, false),
                Arguments.of("pool, but not this type of organisation", post(p -> p),
                        candidate(all(readyForRole(ReadinessLevel.READY_NOW, lastMonth), mobility(Set.of(Region.LONDON), Set.of(OrganisationType.MENTAL_HEALTH), false))), null, false, false),
                Arguments.of("pool, organisation not known yet", post(p -> new PostFacts(p.postId(), p.role(), null, null, null, p.incumbentCandidateId())),
                        candidate(readyForRole(ReadinessLevel.READY_NOW, lastMonth)), null, false, false),
                Arguments.of("named and pool: one person", post(p -> p),
                        candidate(all(readyForRole(ReadinessLevel.READY_NOW, lastMonth), named(POST, ReadinessLevel.READY_NOW, lastMonth))), NOW, true, true),
                // readySoon: READY_1_2_YEARS, not already counted as ready now
                Arguments.of("named ready in 1-2 years", post(p -> p), candidate(named(POST, ReadinessLevel.READY_1_2_YEARS, lastMonth)), SOON, false, false),
                Arguments.of("pool soon, named now: counted now", post(p -> p),
                        candidate(all(readyForRole(ReadinessLevel.READY_1_2_YEARS, lastMonth), named(POST, ReadinessLevel.READY_NOW, lastMonth))), NOW, true, false),
                Arguments.of("3+ years does not count", post(p -> p), candidate(readyForRole(ReadinessLevel.READY_3_PLUS, lastMonth)), null, false, false),
                Arguments.of("not ready does not count", post(p -> p), candidate(named(POST, ReadinessLevel.NOT_READY, lastMonth)), null, false, false),
                // excluded always: the incumbent, withdrawn or erased, fit-and-proper FAILED or lapsed
                Arguments.of("the incumbent", post(incumbent(CANDIDATE)), candidate(named(POST, ReadinessLevel.READY_NOW, lastMonth)), null, false, false),
                Arguments.of("withdrawn", post(p -> p), candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), status(CandidateStatus.WITHDRAWN))), null, false, false),
                Arguments.of("erased", post(p -> p), candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), status(CandidateStatus.ERASED))), null, false, false),
                Arguments.of("fit and proper failed", post(p -> p),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), fit(FitAndProperStatus.FAILED, lastMonth))), null, false, false),
                Arguments.of("fit and proper check 12 months ago to the day: still valid", post(p -> p),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), fit(FitAndProperStatus.PASSED, TODAY.minusMonths(12)))), NOW, true, false),
                Arguments.of("fit and proper check more than 12 months ago: lapsed", post(p -> p),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), fit(FitAndProperStatus.PASSED, TODAY.minusMonths(12).minusDays(1)))), null, false, false),
                Arguments.of("fit and proper re-check pending, last check valid", post(p -> p),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), fit(FitAndProperStatus.PENDING, TODAY.minusMonths(6)))), NOW, true, false),
                Arguments.of("fit and proper never checked", post(p -> p),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), fit(FitAndProperStatus.PENDING, null))), null, false, false),
                // stale: an assessment older than the configured age (18 months) no longer counts
                Arguments.of("assessed 18 months ago to the day: still counts", post(p -> p),
                        candidate(readyForRole(ReadinessLevel.READY_NOW, TODAY.minusMonths(18))), NOW, false, true),
                Arguments.of("assessed more than 18 months ago: stale", post(p -> p),
                        candidate(readyForRole(ReadinessLevel.READY_NOW, TODAY.minusMonths(18).minusDays(1))), null, false, false),
                Arguments.of("named more than 18 months ago: stale", post(p -> p),
                        candidate(named(POST, ReadinessLevel.READY_NOW, TODAY.minusMonths(19))), null, false, false),
                Arguments.of("assessed in the future (as of an earlier day): not yet", post(p -> p),
                        candidate(readyForRole(ReadinessLevel.READY_NOW, TODAY.plusDays(1))), null, false, false),
                // segments 4 and 5: only candidates who would consider a challenged organisation
                Arguments.of("segment 4, would not consider challenged", post(segment(4)), candidate(named(POST, ReadinessLevel.READY_NOW, lastMonth)), null, false, false),
                Arguments.of("segment 5, would consider challenged", post(segment(5)),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, lastMonth), mobility(Set.of(Region.LONDON), Set.of(OrganisationType.ACUTE), true))), NOW, true, false),
                Arguments.of("segment 3 is not challenged", post(segment(3)), candidate(readyForRole(ReadinessLevel.READY_NOW, lastMonth)), NOW, false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definition")
    void whoCounts(String clause, PostFacts post, CandidateFacts candidate, Contribution.Level level, boolean namedNow, boolean poolNow) {
        Contribution c = RULES.evaluate(post, candidate, TODAY);
        assertEquals(level, c.level(), clause);
        assertEquals(namedNow, c.namedNow(), clause + ": named");
        assertEquals(poolNow, c.poolNow(), clause + ": pool");
    }

    /** The same clauses on awkward days: month ends, leap days, a re-check pending since long ago. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "-", value = {
            // clause,                                          day,        fit,     checked,    assessed,   counts
            "'check of 29 Feb 2024, on 28 Feb 2025: holds',     2025-02-28, PASSED,  2024-02-29, 2025-01-01, NOW",
            "'check of 29 Feb 2024, on 1 Mar 2025: lapsed',     2025-03-01, PASSED,  2024-02-29, 2025-01-01, -",
            "'check of 28 Feb 2023, on 28 Feb 2024: holds',     2024-02-28, PASSED,  2023-02-28, 2024-01-01, NOW",
            "'check of 28 Feb 2023, on 29 Feb 2024: lapsed',    2024-02-29, PASSED,  2023-02-28, 2024-01-01, -",
            "'assessed 31 Aug 2023, on 28 Feb 2025: holds',     2025-02-28, PASSED,  2025-01-01, 2023-08-31, NOW",
            "'assessed 31 Aug 2023, on 1 Mar 2025: stale',      2025-03-01, PASSED,  2025-01-01, 2023-08-31, -",
            "'assessed 28 Feb 2023, on 28 Aug 2024: holds',     2024-08-28, PASSED,  2024-06-01, 2023-02-28, NOW",
            "'assessed 28 Feb 2023, on 31 Aug 2024: stale',     2024-08-31, PASSED,  2024-06-01, 2023-02-28, -",
            "'assessed 31 Aug 2024, on 28 Feb 2026: holds',    2026-02-28, PASSED,  2026-01-31, 2024-08-31, NOW",
            "'re-check pending, last check 13 months ago',      2026-11-26, PENDING, 2025-10-25, 2026-10-01, -",
            "'re-check pending, last check 12 months ago',      2026-11-26, PENDING, 2025-11-26, 2026-10-01, NOW",
    })
    void whoCountsOnAwkwardDays(String clause, LocalDate day, FitAndProperStatus status, LocalDate checked, LocalDate assessed,
                                Contribution.Level level) {
        Contribution c = RULES.evaluate(post(p -> p), candidate(all(readyForRole(ReadinessLevel.READY_NOW, assessed), fit(status, checked))), day);
        assertEquals(level, c.level(), clause);
    }

    @Test
    void aContributionExpiresWhenItsFirstDateRunsOut() {
        // Assessed 17 months ago (stale in a month), fit check 2 months ago (lapses in 10): re-evaluate in a month.
        LocalDate assessed = TODAY.minusMonths(17);
        Contribution c = RULES.evaluate(post(p -> p), candidate(all(readyForRole(ReadinessLevel.READY_NOW, assessed),
                fit(FitAndProperStatus.PASSED, TODAY.minusMonths(2)))), TODAY);
        assertEquals(assessed.plusMonths(18).plusDays(1), c.expiresOn());
        assertEquals(NOW, RULES.evaluate(post(p -> p), candidate(readyForRole(ReadinessLevel.READY_NOW, assessed)), c.expiresOn().minusDays(1)).level());
        assertEquals(null, RULES.evaluate(post(p -> p), candidate(readyForRole(ReadinessLevel.READY_NOW, assessed)), c.expiresOn()).level());
    }

    @Test
    void numbersCountDistinctPeople() {
        List<Contribution> contributions = List.of(
                new Contribution(NOW, true, true, TODAY),     // named and pool: one person
                new Contribution(NOW, false, true, TODAY),
                new Contribution(SOON, false, false, TODAY),
                Contribution.NONE);
        assertEquals(new SuccessionNumbers(2, 1, 1, 2), SuccessionNumbers.of(contributions));
    }

    @ParameterizedTest(name = "{0} → {1} in segment {2}: alert {3}")
    @org.junit.jupiter.params.provider.CsvSource({
            "THIN,   NONE,   2, true",
            "STRONG, NONE,   1, true",
            "NONE,   NONE,   2, false",
            "NONE,   THIN,   2, false",
            "VIABLE, THIN,   2, false",
            "VIABLE, THIN,   4, true",
            "STRONG, VIABLE, 5, false",
            "THIN,   THIN,   5, false",
            ",       NONE,   5, false",
    })
    void alertsWhenReplaceabilityFalls(Replaceability before, Replaceability after, int segment, boolean alerts) {
        assertEquals(alerts, new AlertRule(Replaceability.VIABLE, Set.of(4, 5)).alerts(before, after, segment));
    }

    static Stream<Arguments> exclusions() {
        LocalDate lastMonth = TODAY.minusMonths(1);
        UnaryOperator<CandidateFacts> namedNow = named(POST, ReadinessLevel.READY_NOW, lastMonth);
        return Stream.of(
                Arguments.of("counts: no reason", post(p -> p), candidate(namedNow), List.of()),
                Arguments.of("named stale, counts from the pool: no reason", post(p -> p),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, TODAY.minusMonths(19)), readyForRole(ReadinessLevel.READY_NOW, lastMonth))), List.of()),
                Arguments.of("the incumbent", post(incumbent(CANDIDATE)), candidate(namedNow), List.of(Exclusion.THE_INCUMBENT)),
                Arguments.of("withdrawn", post(p -> p), candidate(all(namedNow, status(CandidateStatus.WITHDRAWN))), List.of(Exclusion.WITHDRAWN)),
                Arguments.of("erased", post(p -> p), candidate(all(namedNow, status(CandidateStatus.ERASED))), List.of(Exclusion.ERASED)),
                Arguments.of("fit and proper lapsed", post(p -> p),
                        candidate(all(namedNow, fit(FitAndProperStatus.PASSED, TODAY.minusMonths(13)))), List.of(Exclusion.FIT_AND_PROPER_NOT_VALID)),
                Arguments.of("fit and proper failed", post(p -> p),
                        candidate(all(namedNow, fit(FitAndProperStatus.FAILED, lastMonth))), List.of(Exclusion.FIT_AND_PROPER_NOT_VALID)),
                Arguments.of("challenged trust, not willing", post(segment(4)), candidate(namedNow), List.of(Exclusion.WILL_NOT_TAKE_A_CHALLENGED_TRUST)),
                Arguments.of("challenged trust, willing", post(segment(4)),
                        candidate(all(namedNow, mobility(Set.of(Region.LONDON), Set.of(OrganisationType.ACUTE), true))), List.of()),
                Arguments.of("named more than 18 months ago", post(p -> p),
                        candidate(named(POST, ReadinessLevel.READY_NOW, TODAY.minusMonths(18).minusDays(1))), List.of(Exclusion.ASSESSMENT_STALE)),
                Arguments.of("named with a readiness dated after the day", post(p -> p),
                        candidate(named(POST, ReadinessLevel.READY_NOW, TODAY.plusDays(1))), List.of(Exclusion.ASSESSED_LATER)),
                Arguments.of("named as ready in 3+ years", post(p -> p),
                        candidate(named(POST, ReadinessLevel.READY_3_PLUS, lastMonth)), List.of(Exclusion.NOT_READY)),
                Arguments.of("several at once, in the rules' order", post(p -> incumbent(CANDIDATE).apply(segment(5).apply(p))),
                        candidate(all(named(POST, ReadinessLevel.READY_NOW, TODAY.minusMonths(20)), status(CandidateStatus.WITHDRAWN),
                                fit(FitAndProperStatus.PENDING, null))),
                        List.of(Exclusion.THE_INCUMBENT, Exclusion.WITHDRAWN, Exclusion.FIT_AND_PROPER_NOT_VALID,
                                Exclusion.WILL_NOT_TAKE_A_CHALLENGED_TRUST, Exclusion.ASSESSMENT_STALE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exclusions")
    void aNamedSuccessorWhoDoesNotCountIsToldWhy(String clause, PostFacts post, CandidateFacts candidate, List<Exclusion> expected) {
        assertEquals(expected, RULES.exclusions(post, candidate, TODAY));
        assertEquals(expected.isEmpty(), RULES.evaluate(post, candidate, TODAY).counts(), "a reason exactly when they do not count");
    }

    @Test
    void thereIsAReasonExactlyWhenANamedSuccessorDoesNotCount() {
        java.util.Random random = new java.util.Random(7);
        ReadinessLevel[] levels = ReadinessLevel.values();
        for (int i = 0; i < 5_000; i++) {
            LocalDate on = TODAY.minusDays(random.nextInt(700) - 30);
            LocalDate checked = random.nextInt(8) == 0 ? null : TODAY.minusDays(random.nextInt(500) - 10);
            CandidateFacts c = candidate(all(named(POST, levels[random.nextInt(levels.length)], on),
                    status(CandidateStatus.values()[random.nextInt(3)]),
                    fit(FitAndProperStatus.values()[random.nextInt(3)], checked),
                    mobility(Set.of(Region.LONDON), Set.of(OrganisationType.ACUTE), random.nextBoolean())));
            PostFacts p = post(q -> incumbent(random.nextInt(6) == 0 ? CANDIDATE : q.incumbentCandidateId()).apply(segment(1 + random.nextInt(5)).apply(q)));
            assertEquals(RULES.exclusions(p, c, TODAY).isEmpty(), RULES.evaluate(p, c, TODAY).counts(), () -> p + " " + c);
        }
    }
}
