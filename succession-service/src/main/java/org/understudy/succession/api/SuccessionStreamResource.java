package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.understudy.succession.events.CoalescedChanges;
import org.understudy.succession.events.ViewChangeFeed;
import org.understudy.platform.api.PageResponse;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-sent events of the view: first the current state of every matching post (events named
 * {@code post}), read a page at a time, then {@code ready} with how many matched, then each change as
 * it commits ({@code post}). A client too
 * slow to keep up gets the changes that arrived meanwhile merged (never at the consumers' cost):
 * each post that changed once, with its numbers read when it is sent, so the latest is always right.
 */
@RolesAllowed({Roles.VIEWER, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/stream")
@Tag(name = "Succession")
public class SuccessionStreamResource {
    /** Stable across pages: post ids never change and posts are never removed. */
    private static final String IN_POST_ID_ORDER = "p.post_id";

    @Inject
    ViewChangeFeed changes;

    @Inject
    PostSuccessionQueries queries;

    @Inject
    StreamSettings settings;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of the view (server-sent events)",
            description = "Filters as in the list. Events: post (a post's full numbers), then ready ({\"posts\": n}, the number of "
                    + "posts that matched when the first state was read: every one of them has been sent), then post for each change.")
    public Multi<OutboundSseEvent> stream(@Valid @BeanParam PostFilter filter, @Context Sse sse) {
        // Subscribed before the snapshot is read, and every item is read when it is sent: whatever
        // interleaving, the last item a client gets for a post is its newest state.
        Multi<OutboundSseEvent> live = CoalescedChanges.of(changes.stream())
                .onItem().transformToUniAndConcatenate(ids -> Uni.createFrom().item(() -> load(ids))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onItem().transformToIterable(list -> list)
                .filter(filter::matches)
                .map(p -> post(sse, p));
        return Multi.createBy().merging().streams(live, snapshot(filter, sse));
    }

    /**
     * Every matching post, a page at a time in post id order (a post created meanwhile may come twice,
     * none is left out), then {@code ready} with how many matched.
     */
    private Multi<OutboundSseEvent> snapshot(PostFilter filter, Sse sse) {
        return Multi.createFrom().deferred(() -> {
            int size = settings.snapshotPageSize();
            AtomicLong matching = new AtomicLong();
            AtomicInteger page = new AtomicInteger();
            return Multi.createBy().repeating().supplier(() -> {
                        PageResponse<PostSuccessionResponse> found = queries.live(filter.toQuery(), IN_POST_ID_ORDER, page.getAndIncrement(), size);
                        if (found.page() == 0) {
                            matching.set(found.total());
                        }
                        return found.items();
                    })
                    .until(List::isEmpty)
                    .onItem().transformToIterable(items -> items)
                    .map(p -> post(sse, p))
                    .onCompletion().continueWith(() -> List.of(sse.newEventBuilder().name("ready")
                            .data(String.class, "{\"posts\":" + matching.get() + "}")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).build()));
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private List<PostSuccessionResponse> load(List<UUID> postIds) {
        return queries.liveByIds(postIds); // one statement, no entities: a change can name hundreds of posts
    }

    private static OutboundSseEvent post(Sse sse, PostSuccessionResponse p) {
        return sse.newEventBuilder().name("post").id(p.postId().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(PostSuccessionResponse.class, p).build();
    }
}
