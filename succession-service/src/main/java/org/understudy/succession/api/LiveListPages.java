package org.understudy.succession.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.ViewVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pages of the live list as JSON, each written once per version of the view and handed to every
 * reader until the view moves on. Writing 200 rows with Jackson was most of a list request's
 * CPU; dashboards ask for the same few pages over and over, and the view changes far less often
 * than it is read. The version is the database's ({@link ViewVersion}), read before the rows, so a
 * page is never older than the version it is kept under, and every instance checks it on every
 * request. Ages (tenure, days vacant) depend on the day, so a new day starts afresh too.
 */
@ApplicationScoped
public class LiveListPages {
    /** A page of 200 rows is about 180 kB; this keeps the cache to a few dozen such pages. */
    private static final long MAX_BYTES = 8L << 20;

    @Inject
    PostSuccessionQueries queries;

    @Inject
    ViewVersion viewVersion;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "understudy.read-cache.list-pages", defaultValue = "true")
    boolean enabled;

    private record Key(PostSuccessionRepository.Filter filter, String orderBySql, int page, int size) {
    }

    /** The pages written at one version of the view on one day. */
    private record Generation(long version, LocalDate day, Map<Key, byte[]> pages, AtomicLong bytes) {
        Generation(long version, LocalDate day) {
            this(version, day, new ConcurrentHashMap<>(), new AtomicLong());
        }

        boolean isAt(long v, LocalDate d) {
            return version == v && day.equals(d);
        }
    }

    private volatile Generation current = new Generation(-1, LocalDate.MIN);

    /** The page as the live list's JSON body (the same bytes Jackson writes for the page itself). */
    public byte[] page(PostSuccessionRepository.Filter filter, String orderBySql, int page, int size) {
        if (!enabled) {
            return write(queries.live(filter, orderBySql, page, size));
        }
        long version = viewVersion.current();
        LocalDate today = LocalDate.now(clock);
        Key key = new Key(filter, orderBySql, page, size);
        Generation held = current;
        if (held.isAt(version, today)) {
            byte[] hit = held.pages().get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] body = write(queries.live(filter, orderBySql, page, size));
        keep(version, today, key, body);
        return body;
    }

    private synchronized void keep(long version, LocalDate today, Key key, byte[] body) {
        Generation held = current;
        if (!held.isAt(version, today)) {
            if (version < held.version() && today.equals(held.day())) {
                return; // read before a newer page was kept: not worth keeping
            }
            held = new Generation(version, today);
            current = held;
        }
        if (held.bytes().get() + body.length <= MAX_BYTES && held.pages().putIfAbsent(key, body) == null) {
            held.bytes().addAndGet(body.length);
        }
    }

    private byte[] write(Object page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a page of the list: " + e.getMessage(), e);
        }
    }
}
