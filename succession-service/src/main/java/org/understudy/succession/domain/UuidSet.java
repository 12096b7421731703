package org.understudy.succession.domain;

import java.util.UUID;

/**
 * A set of uuids in two arrays of longs (open addressing): a rebuild remembers every event id it has
 * seen, half a million and more, and a HashSet of UUID objects costs four times the memory. Filled
 * up to three quarters: at half, the two sets of a national rebuild took 71 MB of a 256 MB heap, and
 * the collector spent half the rebuild in full collections.
 */
public final class UuidSet {
    private long[] high;
    private long[] low;
    private boolean[] used;
    private int size;

    public UuidSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1L << 30, expected * 4L / 3 + 1)) - 1) << 1;
        high = new long[capacity];
        low = new long[capacity];
        used = new boolean[capacity];
    }

    /** Adds the id; false if it was there already. */
    public boolean add(UUID id) {
        return add(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** Adds the id given by its most and least significant bits, as {@link UUID#UUID(long, long)} takes them. */
    public boolean add(long mostSignificantBits, long leastSignificantBits) {
        if ((size + 1L) * 4 > used.length * 3L) {
            grow();
        }
        return insert(mostSignificantBits, leastSignificantBits);
    }

    public boolean contains(UUID id) {
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        int mask = used.length - 1;
        for (int i = slot(h, l) & mask; used[i]; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    private boolean insert(long h, long l) {
        int mask = used.length - 1;
        int i = slot(h, l) & mask;
        for (; used[i]; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                return false;
            }
        }
        used[i] = true;
        high[i] = h;
        low[i] = l;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        high = new long[oldUsed.length * 2];
        low = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                insert(oldHigh[i], oldLow[i]);
            }
        }
    }

    private static int slot(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ (x >>> 29));
    }
}
