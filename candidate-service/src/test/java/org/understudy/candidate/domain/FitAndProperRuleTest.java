package org.understudy.candidate.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FitAndProperRuleTest {

    @ParameterizedTest(name = "{0} checked {1}, on {2}: lapsed={3}, lapses on {4}")
    @CsvSource(nullValues = "-", value = {
            // status, checkedOn,  today,      lapsed, lapsesOn
            "PASSED,   2025-03-10, 2025-03-10, false,  2026-03-11",   // checked today
            "PASSED,   2025-03-10, 2026-03-09, false,  2026-03-11",
            "PASSED,   2025-03-10, 2026-03-10, false,  2026-03-11",   // exactly 12 months: still valid
            "PASSED,   2025-03-10, 2026-03-11, true,   2026-03-11",   // the day after: lapsed
            "PASSED,   2023-01-01, 2026-01-01, true,   2024-01-02",
            "PASSED,   2024-02-29, 2025-02-28, false,  2025-03-01",   // leap day: 12 months later is 28 February
            "PASSED,   2024-02-29, 2025-03-01, true,   2025-03-01",
            "PASSED,   2025-01-31, 2026-01-31, false,  2026-02-01",
            "PASSED,   -,          2026-01-01, false,  -",            // no date known: cannot tell, not lapsed
            "FAILED,   2020-01-01, 2026-01-01, false,  -",            // a failed check never held: it does not lapse
            "PENDING,  2020-01-01, 2026-01-01, true,   2021-01-02",   // a re-check pending: the last check, of 2020, has lapsed
            "PENDING,  2025-12-01, 2026-01-01, false,  2026-12-02",   // ... and one of last month holds
            "PENDING,  -,          2026-01-01, false,  -",
    })
    void aCheckLapsesTheDayAfterTwelveMonths(FitAndProperStatus status, LocalDate checkedOn, LocalDate today,
                                                   boolean lapsed, LocalDate lapsesOn) {
        assertEquals(lapsed, FitAndProperRule.lapsed(status, checkedOn, today));
        assertEquals(lapsesOn, FitAndProperRule.lapsesOn(status, checkedOn));
    }
}
