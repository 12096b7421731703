package org.understudy.succession.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.understudy.events.CandidateStatus;
import org.understudy.events.FitAndProperStatus;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who counts as interim cover toward a credible dismissal, one row per case (checks hold 12 months). */
class InterimVettingTest {
    private static final InterimVetting RULE = new InterimVetting(Period.ofMonths(12));
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);
    private static final UUID INCUMBENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CANDIDATE = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case | named on | interim id (INCUMBENT, CANDIDATE or empty: a name only) | in the view | status | check | checked on | outcome
            "no interim named                              |            |           | false |        |         |            | NONE",
            "a name only, outside the pipeline             | 2026-06-01 |           | false |        |         |            | NOT_A_PIPELINE_CANDIDATE",
            "a candidate id the view does not know         | 2026-06-01 | CANDIDATE | false |        |         |            | NOT_A_PIPELINE_CANDIDATE",
            "the post's own incumbent                      | 2026-06-01 | INCUMBENT | true  | ACTIVE | PASSED  | 2026-01-10 | THE_INCUMBENT",
            "a withdrawn candidate                         | 2026-06-01 | CANDIDATE | true  | WITHDRAWN | PASSED | 2026-01-10 | NOT_ACTIVE",
            "an erased candidate                           | 2026-06-01 | CANDIDATE | true  | ERASED | PASSED  | 2026-01-10 | NOT_ACTIVE",
            "a check that failed                           | 2026-06-01 | CANDIDATE | true  | ACTIVE | FAILED  | 2026-01-10 | FIT_AND_PROPER_NOT_VALID",
            "a renewal pending: the last check holds       | 2026-06-01 | CANDIDATE | true  | ACTIVE | PENDING | 2026-01-10 | VETTED",
            "no check on record                            | 2026-06-01 | CANDIDATE | true  | ACTIVE | PASSED  |            | FIT_AND_PROPER_NOT_VALID",
            "a check a year and a day old: lapsed          | 2026-06-01 | CANDIDATE | true  | ACTIVE | PASSED  | 2025-06-29 | FIT_AND_PROPER_NOT_VALID",
            "a check a year old: its last valid day        | 2026-06-01 | CANDIDATE | true  | ACTIVE | PASSED  | 2025-06-30 | VETTED",
            "a check dated after the day asked             | 2026-06-01 | CANDIDATE | true  | ACTIVE | PASSED  | 2026-07-01 | FIT_AND_PROPER_NOT_VALID",
            "an active candidate with a valid check        | 2026-06-01 | CANDIDATE | true  | ACTIVE | PASSED  | 2026-01-10 | VETTED",
    })
    void anInterimCountsOnlyWhenTheyCouldLawfullyStepIn(String name, LocalDate namedOn, String who, boolean inView,
                                                         CandidateStatus status, FitAndProperStatus check, LocalDate checkedOn,
                                                         InterimVetting.Outcome expected) {
        UUID id = who == null ? null : who.equals("INCUMBENT") ? INCUMBENT : CANDIDATE;
        InterimVetting.Candidate candidate = inView ? new InterimVetting.Candidate(status, check, checkedOn) : null;
        assertEquals(expected, RULE.vet(namedOn, id, INCUMBENT, candidate, DAY), name);
    }
}
