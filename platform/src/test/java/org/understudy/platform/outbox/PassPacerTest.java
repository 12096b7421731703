package org.understudy.platform.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PassPacerTest {
    @Test
    void theFirstPassStartsAtOnce() {
        assertEquals(0, new PassPacer(Duration.ofMillis(20)).waitBefore(123_456_789L));
    }

    @ParameterizedTest(name = "interval {0} ms, previous pass started at {1} ms, asked at {2} ms: wait {3} ms")
    @CsvSource({
            // under load: woken 5 ms after a pass started, the next waits out the rest of the interval
            "20, 1000, 1005, 15",
            "20, 1000, 1019, 1",
            // the interval has passed (a quiet spell, or a long pass): at once
            "20, 1000, 1020, 0",
            "20, 1000, 9000, 0",
            // no spacing configured
            "0, 1000, 1000, 0",
            // nanoTime may be negative; only differences count
            "20, -1000, -990, 10",
    })
    void aPassWaitsOnlyForWhatIsLeftOfTheInterval(long intervalMs, long previousMs, long nowMs, long expectedMs) {
        PassPacer pacer = new PassPacer(Duration.ofMillis(intervalMs));
        pacer.started(ms(previousMs));
        assertEquals(ms(expectedMs), pacer.waitBefore(ms(nowMs)));
    }

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
