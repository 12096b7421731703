package org.understudy.vacancy.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegulatorOwnedFactsTest {
    @ParameterizedTest(name = "roles {0} -> may set {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # roles          | may set the segment
            regulator        | true
            admin            | true
            hr               | false
            talent           | false
            viewer           | false
            hr regulator     | true
            ''               | false
            """)
    void onlyTheRegulatorAndAdminsSetTheSegment(String roles, boolean expected) {
        Set<String> set = Arrays.stream(roles.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        assertEquals(expected, RegulatorOwnedFacts.maySet(set));
    }

    @ParameterizedTest(name = "held {0}, asked {1} -> a change {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # held | asked | changes the segment
            null   | null  | false
            null   | 3     | true
            3      | null  | false
            3      | 3     | false
            3      | 4     | true
            """)
    void leavingTheSegmentOutOrSendingBackTheOneHeldIsNoChange(Integer held, Integer asked, boolean expected) {
        assertEquals(expected, RegulatorOwnedFacts.changesSegment(held, asked));
    }
}
