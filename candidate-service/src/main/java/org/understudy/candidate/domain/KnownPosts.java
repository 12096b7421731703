package org.understudy.candidate.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.understudy.candidate.persistence.KnownPostRepository;
import org.understudy.events.PostState;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Keeps the local set of posts from vacancy-events: upsert by version, ignoring anything not newer. */
@ApplicationScoped
public class KnownPosts {
    @Inject
    KnownPostRepository posts;

    @Inject
    Clock clock;

    /** @return true when the post was new or this version newer than the one held */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(PostState state, long version) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        KnownPost post = posts.findForUpdate(state.postId()).orElse(null);
        if (post == null) {
            post = new KnownPost();
            post.postId = state.postId();
            post.odsCode = state.odsCode();
            post.role = state.role();
            post.version = version;
            post.updatedAt = now;
            posts.persist(post);
            return true;
        }
        if (version <= post.version) {
            return false;
        }
        post.odsCode = state.odsCode();
        post.role = state.role();
        post.version = version;
        post.updatedAt = now;
        return true;
    }
}
