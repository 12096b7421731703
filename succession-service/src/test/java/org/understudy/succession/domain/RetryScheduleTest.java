package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryScheduleTest {
    /** The service's default schedule (application.properties). */
    private static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));
    private static final OffsetDateTime FAILED_AT = OffsetDateTime.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest(name = "after {0} failed attempts: {1}")
    @CsvSource({
            // attempts made (the failed one included), next attempt (empty: given up)
            "1, 2026-03-02T09:00:05Z",
            "2, 2026-03-02T09:05:00Z",
            "3, 2026-03-02T09:30:00Z",
            "4, 2026-03-02T11:00:00Z",
            "5, 2026-03-02T14:00:00Z",
            "6, 2026-03-02T19:00:00Z",
            "7, 2026-03-02T19:00:00Z",
            "8, ",
            "30, ",
    })
    void eachFailureWaitsLongerUntilTheScheduleIsSpent(int attemptsMade, String next) {
        assertEquals(next == null ? Optional.empty() : Optional.of(OffsetDateTime.parse(next)), DEFAULT.nextAttempt(attemptsMade, FAILED_AT));
    }

    @Test
    void theDefaultScheduleKeepsTryingForMoreThanADay() {
        assertEquals(Duration.ofHours(27).plusMinutes(35).plusSeconds(5), DEFAULT.coverage());
    }

    @Test
    void delaysArePositiveAndAttemptsCounted() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ZERO)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(List.of(Duration.ofSeconds(-1))));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.nextAttempt(0, FAILED_AT));
        assertEquals(Optional.empty(), new RetrySchedule(List.of()).nextAttempt(1, FAILED_AT));
    }
}
