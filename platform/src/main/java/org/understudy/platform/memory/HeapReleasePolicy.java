package org.understudy.platform.memory;

import java.time.Duration;

/**
 * When an idle service should hand back the heap a burst left committed: once no collection has run
 * for a quiet period, if the committed heap is more than a quarter above its initial size. A release
 * that gave back little (the live data was still large, say a backlog not yet drained) doubles the
 * quiet period before the next try, up to {@link #MAX_BACKOFF} times; one that gave back, or a heap
 * that has grown since, brings it back to the start. An idle service whose live data fills its heap
 * thus runs a full collection rarely, not every quiet period. Times are {@link System#nanoTime()}.
 */
final class HeapReleasePolicy {
    /** The committed heap must exceed the initial size (and, to reset the back-off, the last release's) by this factor. */
    static final double GROWTH = 1.25;
    /** A release that kept more than this share of the committed heap gave back little. */
    static final double KEPT_MOST = 0.8;
    static final int MAX_BACKOFF = 16;

    private final long baseQuietNanos;
    private final long initialCommitted;
    private long quietNanos;
    private long lastKept;
    private long collections = -1;
    private long quietSince;

    /**
     * @param quiet            how long without a collection counts as idle
     * @param initialCommitted the heap's initial size (-Xms)
     */
    HeapReleasePolicy(Duration quiet, long initialCommitted) {
        this.baseQuietNanos = Math.max(0, quiet.toNanos());
        this.quietNanos = baseQuietNanos;
        this.initialCommitted = initialCommitted;
        this.lastKept = initialCommitted;
    }

    /**
     * One look at the heap.
     *
     * @param now         the time
     * @param collections collections run so far (all collectors)
     * @param committed   the heap's committed bytes
     * @return true when a release is due
     */
    boolean due(long now, long collections, long committed) {
        if (committed > lastKept * GROWTH) {
            quietNanos = baseQuietNanos;
        }
        if (collections != this.collections) {
            this.collections = collections;
            quietSince = now;
            return false;
        }
        return now - quietSince >= quietNanos && committed > initialCommitted * GROWTH;
    }

    /**
     * Records a release.
     *
     * @param collections collections so far, the release's own included
     * @param before      the committed heap before it
     * @param after       the committed heap it kept
     */
    void released(long now, long collections, long before, long after) {
        this.collections = collections;
        quietSince = now;
        lastKept = after;
        quietNanos = after > before * KEPT_MOST ? Math.min(quietNanos * 2, baseQuietNanos * MAX_BACKOFF) : baseQuietNanos;
    }

    /** The quiet period the next release waits for. */
    Duration quietPeriod() {
        return Duration.ofNanos(quietNanos);
    }
}
