package org.understudy.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidityTest {

    @ParameterizedTest(name = "{0} + {1} months: holds through {2}")
    @CsvSource({
            // on,        months, last day it holds
            "2025-03-10, 12, 2026-03-10",
            "2024-02-29, 12, 2025-02-28",   // leap day: 12 months later is 28 February
            "2023-02-28, 12, 2024-02-28",   // into a leap year: not 29 February
            "2025-01-31, 12, 2026-01-31",
            "2025-01-31, 1,  2025-02-28",   // a month end into a shorter month
            "2023-08-31, 18, 2025-02-28",   // 18 months from 31 August: the last day of February
            "2022-08-31, 18, 2024-02-29",   // ... in a leap year, 29 February
            "2023-02-28, 18, 2024-08-28",   // from 28 February: the 28th, not the month's end
            "2024-12-31, 18, 2026-06-30",
    })
    void aFactHoldsThroughTheSameDayOfTheMonthAndEndsTheDayAfter(LocalDate on, int months, LocalDate lastDay) {
        assertEquals(lastDay.plusDays(1), Validity.endsOn(on, java.time.Period.ofMonths(months)));
    }

    @ParameterizedTest(name = "{0} checked {1}: ends on {2}")
    @CsvSource(nullValues = "-", value = {
            "PASSED,  2025-03-10, 2026-03-11",
            "PASSED,  2024-02-29, 2025-03-01",
            "PENDING, 2020-01-01, 2021-01-02",   // a new check in progress: the last one, of that date, lapses as any other
            "PENDING, -,          -",            // never checked: nothing holds
            "PASSED,  -,          -",
            "FAILED,  2025-03-10, -",            // failed: never held
    })
    void aFitAndProperCheckHoldsTwelveMonthsUnlessItFailed(FitAndProperStatus status, LocalDate checkedOn, LocalDate endsOn) {
        assertEquals(endsOn, Validity.fitAndProperEndsOn(status, checkedOn, Validity.FIT_AND_PROPER));
    }
}
