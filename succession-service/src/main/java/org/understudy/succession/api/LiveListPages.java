package org.understudy.succession.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.succession.persistence.PostSuccessionRepository;
import org.understudy.succession.persistence.ViewVersion;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Pages of the live list as JSON, each written once per version of the view and handed to every
 * reader until the view moves on. Writing 200 rows with Jackson was most of a list request's
 * CPU; dashboards ask for the same few pages over and over, and the view changes far less often
 * than it is read. The version is the one the database announces ({@link ViewVersion#latest()}),
 * taken before the rows are read.
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
    JsonBodies json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "understudy.read-cache.list-pages", defaultValue = "true")
    boolean enabled;

    private record Key(PostSuccessionRepository.Filter filter, String orderBySql, int page, int size) {
    }

    private final BodiesByVersion<Key> pages = new BodiesByVersion<>(MAX_BYTES);

    /** The page as the live list's JSON body (the same bytes Jackson writes for the page itself). */
    public byte[] page(PostSuccessionRepository.Filter filter, String orderBySql, int page, int size) {
        if (!enabled) {
            return json.write(queries.live(filter, orderBySql, page, size));
        }
        long version = viewVersion.latest();
        return pages.get(version, LocalDate.now(clock), new Key(filter, orderBySql, page, size),
                () -> json.write(queries.live(filter, orderBySql, page, size)));
    }
}
