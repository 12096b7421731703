package org.understudy.platform.outbox;

import java.time.Duration;

/**
 * When the relay's next pass may start: no sooner than a minimum interval after the previous pass
 * started. Under a steady stream of commits each pass then takes every row committed meanwhile; after
 * a quiet spell (or before the first pass) a pass starts at once. Times are {@link System#nanoTime()}.
 */
final class PassPacer {
    private final long minIntervalNanos;
    private long lastStart;
    private boolean started;

    PassPacer(Duration minInterval) {
        this.minIntervalNanos = Math.max(0, minInterval.toNanos());
    }

    /** Nanoseconds to wait, at time now, before the next pass may start (0: at once). */
    long waitBefore(long now) {
        return started ? Math.max(0, lastStart + minIntervalNanos - now) : 0;
    }

    /** Records that a pass started at this time. */
    void started(long now) {
        lastStart = now;
        started = true;
    }
}
