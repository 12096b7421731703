package org.understudy.succession.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.understudy.events.BoardRole;
import org.understudy.events.CandidateState;
import org.understudy.events.ExitReason;
import org.understudy.events.LeavingReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LastExitTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    /**
     * Exits are written "C:days-before:REASON" (a career exit) or "P:days-before:REASON" (a departure on a post),
     * space-separated; the answer is the reason of the most recent one on or before DAY, or "none".
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # exits                                  | most recent
            ''                                       | none
            C:10:DISMISSED                           | DISMISSED
            P:10:DISMISSED                           | DISMISSED
            C:10:DISMISSED P:5:RESIGNED              | RESIGNED
            P:10:RESIGNED C:40:DISMISSED             | RESIGNED
            P:-3:DISMISSED C:30:RETIRED              | RETIRED
            P:0:DISMISSED                            | DISMISSED
            P:5:END_OF_INTERIM C:9:DISMISSED         | DISMISSED
            P:5:END_OF_INTERIM                       | none
            C:7:RESIGNED P:7:DISMISSED               | DISMISSED
            C:7:MUTUAL_AGREEMENT                     | MUTUAL_AGREEMENT
            """)
    void theMostRecentExitOnOrBeforeTheDayFromBothRecords(String exits, String expected) {
        List<CandidateState.Exit> career = new ArrayList<>();
        List<PostDeparture> departures = new ArrayList<>();
        for (String e : exits.trim().split("\\s+")) {
            if (e.isEmpty()) {
                continue;
            }
            String[] p = e.split(":");
            LocalDate on = DAY.minusDays(Integer.parseInt(p[1]));
            if (p[0].equals("C")) {
                career.add(new CandidateState.Exit(null, "RX1", BoardRole.CHIEF_EXECUTIVE, on, ExitReason.valueOf(p[2])));
            } else {
                departures.add(new PostDeparture(UUID.randomUUID(), "RX2", BoardRole.CHAIR, on, LeavingReason.valueOf(p[2]), UUID.randomUUID()));
            }
        }
        LastExit last = LastExit.before(DAY, career, departures);
        assertEquals(expected, last == null ? "none" : last.reason().name());
    }
}
