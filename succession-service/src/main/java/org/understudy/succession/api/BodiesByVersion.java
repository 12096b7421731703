package org.understudy.succession.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Response bodies written once per version of the view and day, and handed to every reader until
 * the view moves on (or a new day changes the ages in them). Only the newest version's bodies are
 * kept, up to a number of bytes; a body read at an older version than one already kept is answered
 * but not kept.
 *
 * <p>The caller reads the version before the data, so a body is never older than the version it
 * is kept under.
 *
 * @param <K> what tells one body from another at the same version (a post id, a page's query)
 */
final class BodiesByVersion<K> {
    private final long maxBytes;

    /** The bodies written at one version of the view on one day. */
    private record Generation<K>(long version, LocalDate day, Map<K, byte[]> bodies, AtomicLong bytes) {
        Generation(long version, LocalDate day) {
            this(version, day, new ConcurrentHashMap<>(), new AtomicLong());
        }

        boolean isAt(long v, LocalDate d) {
            return version == v && day.equals(d);
        }
    }

    private volatile Generation<K> current = new Generation<>(-1, LocalDate.MIN);

    BodiesByVersion(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body kept for this key at this version and day, or the one {@code write} makes now (null
     * when there is nothing to answer; not kept).
     */
    byte[] get(long version, LocalDate day, K key, Supplier<byte[]> write) {
        Generation<K> held = current;
        if (held.isAt(version, day)) {
            byte[] hit = held.bodies().get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] body = write.get();
        if (body != null) {
            keep(version, day, key, body);
        }
        return body;
    }

    private synchronized void keep(long version, LocalDate day, K key, byte[] body) {
        Generation<K> held = current;
        if (!held.isAt(version, day)) {
            if (version < held.version() && day.equals(held.day())) {
                return; // read before a newer body was kept: not worth keeping
            }
            held = new Generation<>(version, day);
            current = held;
        }
        if (held.bytes().get() + body.length <= maxBytes && held.bodies().putIfAbsent(key, body) == null) {
            held.bytes().addAndGet(body.length);
        }
    }
}
