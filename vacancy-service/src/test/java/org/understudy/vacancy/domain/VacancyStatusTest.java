package org.understudy.vacancy.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.understudy.events.VacancyStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VacancyStatusTest {

    @ParameterizedTest(name = "{0} may go to [{1}]")
    @CsvSource(delimiter = '|', value = {
            "DRAFT        | OPEN WITHDRAWN",
            "OPEN         | SHORTLISTING WITHDRAWN LAPSED",
            "SHORTLISTING | INTERVIEWING WITHDRAWN LAPSED",
            "INTERVIEWING | SHORTLISTING OFFERED FILLED WITHDRAWN LAPSED",
            "OFFERED      | INTERVIEWING FILLED WITHDRAWN LAPSED",
            "FILLED       | ''",
            "WITHDRAWN    | OPEN",
            "LAPSED       | OPEN",
    })
    void legalTransitions(VacancyStatus from, String to) {
        Set<VacancyStatus> expected = to.isBlank() ? EnumSet.noneOf(VacancyStatus.class)
                : Arrays.stream(to.trim().split("\\s+")).map(VacancyStatus::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(VacancyStatus.class)));
        assertEquals(expected, from.next());
        for (VacancyStatus target : VacancyStatus.values()) {
            assertEquals(expected.contains(target), from.canMoveTo(target), from + " -> " + target);
        }
    }

    @ParameterizedTest(name = "{0} in play: {1}")
    @CsvSource({"DRAFT,true", "OPEN,true", "SHORTLISTING,true", "INTERVIEWING,true", "OFFERED,true",
            "FILLED,false", "WITHDRAWN,false", "LAPSED,false"})
    void atMostOneInPlayPerPost(VacancyStatus status, boolean active) {
        assertEquals(active, status.active());
    }
}
