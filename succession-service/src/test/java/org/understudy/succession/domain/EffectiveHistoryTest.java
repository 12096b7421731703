package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;
import org.understudy.events.LeavingReason;
import org.understudy.events.OrganisationType;
import org.understudy.events.ReadinessLevel;
import org.understudy.events.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A chief executive post's numbers over four years, counted from the facts' own dates: each row of the
 * table is an entry, derived by hand from the facts below (readiness holds 18 months, a fit-and-proper
 * check 12, each to the day after).
 */
class EffectiveHistoryTest {
    private static final UUID POST = UUID.randomUUID();
    private static final PostFacts CEO_LONDON_ACUTE = new PostFacts(POST, BoardRole.CHIEF_EXECUTIVE, Region.LONDON, OrganisationType.ACUTE, 2, null);
    private static final UUID X = UUID.randomUUID(); // held the post until 2024-06-30
    private static final UUID Y = UUID.randomUUID(); // holds it since 2024-09-01 (not in the pipeline)
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 6);

    private static CandidateFacts candidate(UUID id, Region region, LocalDate fitCheckedOn, LocalDate assessedOn, LocalDate nominatedOn,
                                            ReadinessLevel level) {
        return new CandidateFacts(id, CandidateStatus.ACTIVE, FitAndProperStatus.PASSED, fitCheckedOn, Set.of(region),
                Set.of(OrganisationType.ACUTE), false,
                assessedOn == null ? Map.of() : Map.of(BoardRole.CHIEF_EXECUTIVE, new CandidateFacts.Assessment(level, assessedOn)),
                nominatedOn == null ? Map.of() : Map.of(POST, new CandidateFacts.Assessment(level, nominatedOn)));
    }

    private static final CandidateFacts A = candidate(UUID.randomUUID(), Region.LONDON, d("2023-01-10"), d("2023-03-01"), null, ReadinessLevel.READY_NOW);
    private static final CandidateFacts HOLDER = candidate(X, Region.LONDON, d("2024-03-01"), d("2023-06-01"), null, ReadinessLevel.READY_NOW);
    private static final CandidateFacts NAMED = candidate(UUID.randomUUID(), Region.NORTH_WEST, d("2025-01-15"), null, d("2025-02-01"),
            ReadinessLevel.READY_1_2_YEARS);
    private static final CandidateFacts CHECKED_LATER = candidate(UUID.randomUUID(), Region.LONDON, d("2025-07-01"), d("2025-05-01"), null,
            ReadinessLevel.READY_NOW);
    /** Assessed for the first time on 2025-10-01, the assessment arriving a year later. */
    private static final CandidateFacts LATE = candidate(UUID.randomUUID(), Region.LONDON, d("2025-09-01"), d("2025-10-01"), null,
            ReadinessLevel.READY_NOW);

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    private static List<EffectiveHistory.Entry> history(List<CandidateFacts> candidates) {
        List<EffectiveHistory.Holding> holdings = EffectiveHistory.holdings(
                List.of(new PostDeparture(POST, "R1A", BoardRole.CHIEF_EXECUTIVE, d("2024-06-30"), LeavingReason.RETIRED, X)), Y, d("2024-09-01"));
        return EffectiveHistory.of(CEO_LONDON_ACUTE, holdings, candidates, Map.of(), SuccessionRules.DEFAULT, ReplaceabilityThresholds.DEFAULT,
                FROM, TO);
    }

    private static List<String> rows(List<EffectiveHistory.Entry> entries) {
        List<String> out = new ArrayList<>();
        for (EffectiveHistory.Entry e : entries) {
            SuccessionNumbers n = e.numbers();
            out.add(e.on() + " " + n.readyNow() + "/" + n.readySoon() + "/" + n.namedReadyNow() + "/" + n.poolReadyNow() + " "
                    + e.replaceability() + " " + (e.incumbentCandidateId() == null ? "vacant" : e.incumbentCandidateId().equals(X) ? "X" : "Y"));
        }
        return out;
    }

    @Test
    void eachFactCountsFromItsOwnDateAndLapsesOnTheDayItExpires() {
        assertEquals(List.of(
                "2023-01-01 0/0/0/0 NONE X",     // X holds the post; nobody is assessed yet
                "2023-03-01 1/0/0/1 THIN X",     // A assessed ready now (checked on 2023-01-10): the pool
                "2024-01-11 0/0/0/0 NONE X",     // A's check lapses (12 months to the day after)
                "2024-06-30 1/0/0/1 THIN vacant", // X leaves: no longer the holder, ready now since 2023-06-01, checked 2024-03-01
                "2024-09-01 1/0/0/1 THIN Y",     // Y starts: same numbers, another holder
                "2024-12-02 0/0/0/0 NONE Y",     // X's assessment goes stale (18 months)
                "2025-02-01 0/1/0/0 NONE Y",     // named ready in one to two years (not willing to work in London: named only)
                "2025-07-01 1/1/0/1 THIN Y",     // assessed 2025-05-01, counted from the check on 2025-07-01
                "2025-10-01 2/1/0/2 VIABLE Y",   // the late assessment, at its date
                "2026-01-16 2/0/0/2 VIABLE Y",   // the named candidate's check lapses
                "2026-07-02 1/0/0/1 THIN Y",     // so does the 2025-07-01 check
                "2026-09-02 0/0/0/0 NONE Y"),    // and the late one's
                rows(history(List.of(A, HOLDER, NAMED, CHECKED_LATER, LATE))));
    }

    @Test
    void anAssessmentReplacedByALaterOneCountsOnItsOwnDaysUntilTheLaterOnesDate() {
        // Ready now from 2024-02-01, then reassessed ready in one to two years on 2024-08-01; checked 2024-01-15.
        CandidateFacts reassessed = candidate(UUID.randomUUID(), Region.LONDON, d("2024-01-15"), d("2024-08-01"), null,
                ReadinessLevel.READY_1_2_YEARS);
        Map<UUID, List<CandidateFacts.Assessment>> replaced = Map.of(reassessed.candidateId(),
                List.of(new CandidateFacts.Assessment(ReadinessLevel.READY_NOW, d("2024-02-01"))));
        List<EffectiveHistory.Entry> entries = EffectiveHistory.of(CEO_LONDON_ACUTE, List.of(), List.of(reassessed), replaced,
                SuccessionRules.DEFAULT, ReplaceabilityThresholds.DEFAULT, FROM, TO);
        assertEquals(List.of(
                "2023-01-01 0/0/0/0 NONE vacant",
                "2024-02-01 1/0/0/1 THIN vacant",   // the earlier assessment, on its own days
                "2024-08-01 0/1/0/0 NONE vacant",   // replaced by the later one
                "2025-01-16 0/0/0/0 NONE vacant"),  // the check lapses
                rows(entries));
        assertEquals(List.of("2023-01-01 0/0/0/0 NONE vacant", "2024-08-01 0/1/0/0 NONE vacant", "2025-01-16 0/0/0/0 NONE vacant"),
                rows(EffectiveHistory.of(CEO_LONDON_ACUTE, List.of(), List.of(reassessed), Map.of(), SuccessionRules.DEFAULT,
                        ReplaceabilityThresholds.DEFAULT, FROM, TO)), "without the replaced one the days before the later one count nobody");
    }

    @Test
    void aFactArrivingLateChangesTheDaysFromItsDateOnAndNoneBefore() {
        List<String> before = rows(history(List.of(A, HOLDER, NAMED, CHECKED_LATER)));
        List<String> after = rows(history(List.of(A, HOLDER, NAMED, CHECKED_LATER, LATE)));
        int unchanged = 8; // the entries before 2025-10-01
        assertEquals(before.subList(0, unchanged), after.subList(0, unchanged));
        assertEquals(List.of("2026-01-16 1/0/0/1 THIN Y", "2026-07-02 0/0/0/0 NONE Y"), before.subList(unchanged, before.size()),
                "without it: the days after 2025-07-01 as the other facts have them");
        assertEquals("2025-10-01 2/1/0/2 VIABLE Y", after.get(unchanged), "with it: one more ready now from its date");
    }
}
