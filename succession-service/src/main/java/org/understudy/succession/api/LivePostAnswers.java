package org.understudy.succession.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.succession.events.ViewChangeFeed;
import org.understudy.succession.persistence.ViewVersionListener;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live answers for single posts as JSON, the most frequent read: each post's body is kept and handed
 * to every reader until that post changes or the day does (ages in the body move). The change feed
 * names the posts each move of the view changed; their new bodies are read at once, in one statement,
 * so that readers keep being answered from memory while the view changes under a steady write load.
 * A body a reader wrote while its post was changing is not kept: each post's last change is noted with
 * the version the feed had reached, and a reader's body is kept only when it was read after that.
 * While the instance does not hear the view's version, every answer is read from the database.
 */
@ApplicationScoped
public class LivePostAnswers implements ViewChangeFeed.Listener {
    /** An answer is about 1 kB: room for every post of a national set several times over. */
    private static final long MAX_BYTES = 16L << 20;

    private record Body(LocalDate day, byte[] json) {
    }

    private final PostSuccessionQueries queries;
    private final ViewChangeFeed feed;
    private final ViewVersionListener versions;
    private final JsonBodies json;
    private final Clock clock;
    private final boolean enabled;
    private final Cache<UUID, Body> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES).weigher((UUID id, Body b) -> b.json().length).recordStats().build();
    /** The version at which the feed last named each post changed. */
    private final Map<UUID, Long> changedAt = new ConcurrentHashMap<>();

    public LivePostAnswers(PostSuccessionQueries queries, ViewChangeFeed feed, ViewVersionListener versions, JsonBodies json,
                           Clock clock, MeterRegistry meters,
                           @ConfigProperty(name = "understudy.read-cache.posts", defaultValue = "true") boolean enabled) {
        this.queries = queries;
        this.feed = feed;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
        this.enabled = enabled;
        CaffeineCacheMetrics.monitor(meters, bodies, "post-answers");
    }

    void start(@Observes StartupEvent ignored) {
        feed.listen(this);
    }

    /** The post's live answer as its JSON body, or null when the view does not know the post. */
    public byte[] answer(UUID postId) {
        long readAfter = feed.seen();
        if (!enabled || readAfter < 0 || versions.known() == ViewVersionListener.UNKNOWN) {
            return write(postId);
        }
        LocalDate today = LocalDate.now(clock);
        Body kept = bodies.getIfPresent(postId);
        if (kept != null && kept.day().equals(today)) {
            return kept.json();
        }
        byte[] body = write(postId);
        if (body != null) {
            Body fresh = new Body(today, body);
            bodies.asMap().compute(postId, (id, old) -> changedAt.getOrDefault(id, Long.MIN_VALUE) <= readAfter ? fresh : old);
        }
        return body;
    }

    @Override
    public void changed(ViewChangeFeed.Changed changed) {
        if (!enabled || changed.postIds().isEmpty()) {
            return;
        }
        for (UUID id : changed.postIds()) {
            changedAt.put(id, changed.upTo());
        }
        LocalDate today = LocalDate.now(clock);
        Set<UUID> unread = new HashSet<>(changed.postIds());
        try {
            for (PostSuccessionResponse post : queries.liveByIds(changed.postIds())) {
                bodies.put(post.postId(), new Body(today, json.write(post)));
                unread.remove(post.postId());
            }
        } finally {
            bodies.invalidateAll(unread); // gone from the view, or not read: asked of the database next time
        }
    }

    @Override
    public void missed() {
        bodies.invalidateAll();
    }

    private byte[] write(UUID postId) {
        PostSuccessionResponse live = queries.live(postId);
        return live == null ? null : json.write(live);
    }
}
