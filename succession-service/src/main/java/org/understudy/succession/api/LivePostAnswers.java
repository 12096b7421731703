package org.understudy.succession.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.understudy.succession.persistence.ViewVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Live answers for single posts as JSON, each written once per version of the view and handed to
 * every reader until the view moves on: the most frequent read, answered without a database round
 * trip while the version is announced ({@link ViewVersion#latest()}, taken before the row is read).
 */
@ApplicationScoped
public class LivePostAnswers {
    /** An answer is about 1 kB: room for every post of a national set several times over. */
    private static final long MAX_BYTES = 16L << 20;

    @Inject
    PostSuccessionQueries queries;

    @Inject
    ViewVersion viewVersion;

    @Inject
    JsonBodies json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "understudy.read-cache.posts", defaultValue = "true")
    boolean enabled;

    private final BodiesByVersion<UUID> answers = new BodiesByVersion<>(MAX_BYTES);

    /** The post's live answer as its JSON body, or null when the view does not know the post. */
    public byte[] answer(UUID postId) {
        if (!enabled) {
            return write(postId);
        }
        long version = viewVersion.latest();
        return answers.get(version, LocalDate.now(clock), postId, () -> write(postId));
    }

    private byte[] write(UUID postId) {
        PostSuccessionResponse live = queries.live(postId);
        return live == null ? null : json.write(live);
    }
}
