package org.understudy.platform.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapReleasePolicyTest {
    private static final long MB = 1L << 20;

    @ParameterizedTest(name = "initial 64 MB, collections {0} then {2} s later {1}, committed {3} MB: due {4}")
    @CsvSource({
            // idle for the quiet period with a grown heap: release
            "10, 10, 30, 140, true",
            "10, 10, 90, 140, true",
            // a collection ran meanwhile: not idle, the quiet period starts again
            "10, 11, 30, 140, false",
            // not yet quiet long enough
            "10, 10, 29, 140, false",
            // not more than a quarter above the initial size: nothing worth giving back
            "10, 10, 30, 80, false",
            "10, 10, 30, 81, true",
    })
    void releasesOnlyAGrownHeapAfterAQuietPeriod(long firstCount, long laterCount, long laterSeconds, long committedMb, boolean due) {
        HeapReleasePolicy policy = new HeapReleasePolicy(Duration.ofSeconds(30), 64 * MB);
        assertFalse(policy.due(s(0), firstCount, committedMb * MB), "the first look only starts the quiet period");
        assertEquals(due, policy.due(s(laterSeconds), laterCount, committedMb * MB));
    }

    @Test
    void aReleaseThatGaveBackLeavesTheQuietPeriodAsItWas() {
        HeapReleasePolicy policy = new HeapReleasePolicy(Duration.ofSeconds(30), 64 * MB);
        policy.due(s(0), 5, 140 * MB);
        assertTrue(policy.due(s(30), 5, 140 * MB));
        policy.released(s(31), 6, 140 * MB, 66 * MB);
        assertEquals(Duration.ofSeconds(30), policy.quietPeriod());
        assertFalse(policy.due(s(60), 6, 66 * MB), "the release itself starts a new quiet period");
        assertFalse(policy.due(s(61), 6, 66 * MB), "quiet again, but the heap is near its initial size");
    }

    @Test
    void aReleaseThatKeptMostWaitsTwiceAsLongBeforeTheNextUpTo16Times() {
        HeapReleasePolicy policy = new HeapReleasePolicy(Duration.ofSeconds(30), 64 * MB);
        policy.due(s(0), 5, 107 * MB);
        assertTrue(policy.due(s(30), 5, 107 * MB));
        policy.released(s(30), 6, 107 * MB, 107 * MB); // the live data still filled it
        assertFalse(policy.due(s(30), 6, 107 * MB));
        assertFalse(policy.due(s(89), 6, 107 * MB), "waits 60 s now");
        assertTrue(policy.due(s(90), 6, 107 * MB));
        for (int k = 0; k < 6; k++) {
            policy.released(s(90), 7 + k, 107 * MB, 100 * MB); // each kept most: 60 s doubles to 480 s, then stays
        }
        assertEquals(Duration.ofSeconds(30 * 16), policy.quietPeriod());
    }

    @Test
    void aHeapThatGrewAgainEndsTheBackOff() {
        HeapReleasePolicy policy = new HeapReleasePolicy(Duration.ofSeconds(30), 64 * MB);
        policy.due(s(0), 5, 107 * MB);
        policy.released(s(30), 6, 107 * MB, 107 * MB);
        assertEquals(Duration.ofSeconds(60), policy.quietPeriod());
        policy.due(s(40), 9, 140 * MB); // a new burst: collections, and a heap over 1.25 x 107 MB
        assertEquals(Duration.ofSeconds(30), policy.quietPeriod());
        assertTrue(policy.due(s(70), 9, 140 * MB));
    }

    private static long s(long seconds) {
        return seconds * 1_000_000_000L;
    }
}
