package org.understudy.vacancy.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.understudy.events.VacancyStatus;
import org.understudy.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which past recruitments an import takes, and the field it names when it refuses one. */
class PastVacancyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @ParameterizedTest(name = "{0} advertised {1}, closed {2}, filled {3}, appointee {4}, readverts {5} -> {6}")
    @CsvSource(nullValues = "-", value = {
            // status,    advertised, closed,     filled,     appointee, readverts, refused field
            "FILLED,      2024-05-20, -,          2024-08-09, true,      1,         -",
            "FILLED,      2024-05-20, -,          2024-05-20, false,     0,         -",
            "LAPSED,      2024-02-12, 2024-04-30, -,          false,     0,         -",
            "WITHDRAWN,   2024-02-12, 2024-02-12, -,          false,     0,         -",
            "OPEN,        2026-11-01, -,          -,          false,     0,         -",
            "INTERVIEWING,2026-09-01, -,          -,          false,     2,         -",
            "DRAFT,       -,          -,          -,          false,     0,         -",
            "OPEN,        -,          -,          -,          false,     0,         firstAdvertisedOn",
            "OPEN,        2026-12-07, -,          -,          false,     0,         firstAdvertisedOn",
            "FILLED,      2024-05-20, -,          -,          false,     0,         filledOn",
            "FILLED,      2024-05-20, -,          2024-05-19, false,     0,         filledOn",
            "FILLED,      2024-05-20, -,          2026-12-07, false,     0,         filledOn",
            "FILLED,      2024-05-20, 2024-06-01, 2024-08-09, false,     0,         closedOn",
            "LAPSED,      2024-02-12, -,          -,          false,     0,         closedOn",
            "LAPSED,      2024-02-12, 2024-02-11, -,          false,     0,         closedOn",
            "LAPSED,      2024-02-12, 2024-04-30, 2024-04-30, false,     0,         filledOn",
            "OPEN,        2026-11-01, -,          -,          true,      0,         appointedCandidateId",
            "OPEN,        2026-11-01, -,          -,          false,     -1,        readverts",
    })
    void aRecruitmentIsTakenWhenItsDatesFitItsStatus(VacancyStatus status, LocalDate advertised, LocalDate closed, LocalDate filled,
                                                       boolean appointee, int readverts, String refused) {
        PastVacancy past = new PastVacancy(status, null, advertised, readverts, closed, closed == null ? null : "No appointable candidate",
                filled, appointee ? UUID.randomUUID() : null, appointee ? Boolean.FALSE : null);
        if (refused == null) {
            assertDoesNotThrow(() -> past.check(TODAY));
        } else {
            assertEquals(refused, assertThrows(ApiProblem.class, () -> past.check(TODAY)).field());
        }
    }
}
