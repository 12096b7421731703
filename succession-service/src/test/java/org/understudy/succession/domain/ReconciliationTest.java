package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.OrganisationState;
import org.understudy.events.OrganisationType;
import org.understudy.events.PostState;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;
import org.understudy.events.VacancyStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reconciliation check: the sources' figures by the view's rules, and what differs from the view. */
class ReconciliationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final UUID POST = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID CHAIR = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID READY = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID NAMED_SOON = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID ERASED = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final Reconciliation RECONCILIATION = new Reconciliation(SuccessionRules.DEFAULT, ReplaceabilityThresholds.DEFAULT);

    /** A London acute trust with a CEO post (open vacancy: 4 live applications, 2 shortlisted) and a chair post. */
    private static SourceState sources(List<CandidateState> candidates) {
        return new SourceState(
                List.of(new OrganisationState("R1A", "A Trust", Region.LONDON, OrganisationType.ACUTE, true, "QWE", 2)),
                List.of(new PostState(POST, "R1A", BoardRole.CHIEF_EXECUTIVE), new PostState(CHAIR, "R1A", BoardRole.CHAIR)),
                List.of(new SourceState.Vacancy(UUID.randomUUID(), POST, VacancyStatus.SHORTLISTING, 4, 2),
                        new SourceState.Vacancy(UUID.randomUUID(), CHAIR, VacancyStatus.FILLED, 7, 3)),
                candidates);
    }

    private static CandidateState candidate(UUID id, CandidateStatus status, List<CandidateState.RoleReadiness> readiness,
                                            List<CandidateState.Nomination> nominations) {
        return new CandidateState(id, status, readiness, new CandidateState.FitAndProper(FitAndProperStatus.PASSED, TODAY.minusMonths(1)),
                new CandidateState.Mobility(List.of(Region.LONDON), List.of(OrganisationType.ACUTE), false), nominations, List.of());
    }

    private static final List<CandidateState> PIPELINE = List.of(
            candidate(READY, CandidateStatus.ACTIVE,
                    List.of(new CandidateState.RoleReadiness(BoardRole.CHIEF_EXECUTIVE, ReadinessLevel.READY_NOW, TODAY.minusMonths(2))), List.of()),
            candidate(NAMED_SOON, CandidateStatus.ACTIVE, List.of(),
                    List.of(new CandidateState.Nomination(POST, ReadinessLevel.READY_1_2_YEARS, TODAY.minusDays(3)))),
            // an erased candidate's state carries only its id and status
            new CandidateState(ERASED, CandidateStatus.ERASED, List.of(), null, null, List.of(), List.of()));

    @Test
    void recomputesEachPostWithTheViewsRules() {
        Map<UUID, Reconciliation.PostFigures> expected = RECONCILIATION.expected(sources(PIPELINE), TODAY);

        assertEquals(new Reconciliation.PostFigures(POST, new SuccessionNumbers(1, 1, 0, 1), Replaceability.THIN, null, null, 4, 2),
                expected.get(POST));
        // the chair's only vacancy is filled: no figures in play
        assertEquals(new Reconciliation.PostFigures(CHAIR, SuccessionNumbers.ZERO, Replaceability.NONE, null, null, null, null),
                expected.get(CHAIR));
    }

    @Test
    void aViewThatAgreesHasNoDifference() {
        Map<UUID, Reconciliation.PostFigures> expected = RECONCILIATION.expected(sources(PIPELINE), TODAY);
        // The view's rows as the view stores them, written out (not the expectation handed back to itself).
        List<Reconciliation.PostFigures> view = List.of(
                new Reconciliation.PostFigures(CHAIR, new SuccessionNumbers(0, 0, 0, 0), Replaceability.NONE, null, null, null, null),
                new Reconciliation.PostFigures(POST, new SuccessionNumbers(1, 1, 0, 1), Replaceability.THIN, null, null, 4, 2));

        assertEquals(List.of(), Reconciliation.compare(expected, view));
    }

    @Test
    void reportsEveryFigureThatDiffersAndPostsOnOneSideOnly() {
        Map<UUID, Reconciliation.PostFigures> expected = RECONCILIATION.expected(sources(PIPELINE), TODAY);
        UUID stray = UUID.fromString("00000000-0000-0000-0000-0000000000f9");
        List<Reconciliation.PostFigures> view = List.of(
                new Reconciliation.PostFigures(POST, new SuccessionNumbers(2, 1, 0, 2), Replaceability.VIABLE, null, null, 4, 2),
                new Reconciliation.PostFigures(stray, SuccessionNumbers.ZERO, Replaceability.NONE, null, null, null, null));

        assertEquals(List.of(
                new Reconciliation.Difference(POST, "readyNow", "1", "2"),
                new Reconciliation.Difference(POST, "poolReadyNow", "1", "2"),
                new Reconciliation.Difference(POST, "replaceability", "THIN", "VIABLE"),
                new Reconciliation.Difference(CHAIR, "post", "present", "absent"),
                new Reconciliation.Difference(stray, "post", "absent", "present")), Reconciliation.compare(expected, view));
    }
}
