package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplaceabilityThresholdsTest {

    @ParameterizedTest(name = "{0} ready now with thresholds {1}/{2}/{3} is {4}")
    @CsvSource({
            // readyNow, thin, viable, strong, expected  -- the definition: NONE (0), THIN (1), VIABLE (2), STRONG (3 or more)
            "0,  1, 2, 3, NONE",
            "1,  1, 2, 3, THIN",
            "2,  1, 2, 3, VIABLE",
            "3,  1, 2, 3, STRONG",
            "12, 1, 2, 3, STRONG",
            // configured more strictly: two needed before a post is even thin
            "1,  2, 4, 6, NONE",
            "3,  2, 4, 6, THIN",
            "5,  2, 4, 6, VIABLE",
            "6,  2, 4, 6, STRONG",
    })
    void levelsFollowTheConfiguredThresholds(int readyNow, int thin, int viable, int strong, Replaceability expected) {
        assertEquals(expected, new ReplaceabilityThresholds(thin, viable, strong).classify(readyNow));
    }

    @Test
    void thresholdsMustGrow() {
        assertThrows(IllegalArgumentException.class, () -> new ReplaceabilityThresholds(0, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new ReplaceabilityThresholds(2, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new ReplaceabilityThresholds(1, 3, 3));
    }
}
