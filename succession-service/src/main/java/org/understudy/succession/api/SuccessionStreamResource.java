package org.understudy.succession.api;

import jakarta.annotation.security.RolesAllowed;
import org.understudy.platform.security.Roles;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.understudy.succession.persistence.PostSuccessionRepository;

import java.util.List;
import java.util.UUID;

/**
 * Server-sent events of the view: first the current state of every matching post (events named
 * {@code post}), then {@code ready}, then each change as it commits ({@code post}). A client too
 * slow to keep up gets the changes that arrived meanwhile merged (never at the consumers' cost):
 * each post that changed once, with its numbers read when it is sent, so the latest is always right.
 */
@RolesAllowed({Roles.VIEWER, Roles.REGULATOR, Roles.ADMIN})
@Path("/api/v1/succession/stream")
@Tag(name = "Succession")
public class SuccessionStreamResource {
    private static final int SNAPSHOT_LIMIT = 10_000;

    @Inject
    ViewChangeFeed changes;

    @Inject
    PostSuccessionRepository posts;

    @Inject
    PostSuccessionQueries queries;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of the view (server-sent events)",
            description = "Filters as in the list. Events: post (a post's full numbers), ready (the initial state is complete).")
    public Multi<OutboundSseEvent> stream(@Valid @BeanParam PostFilter filter, @Context Sse sse) {
        // Subscribed before the snapshot is read, and every item is read when it is sent: whatever
        // interleaving, the last item a client gets for a post is its newest state.
        Multi<OutboundSseEvent> live = CoalescedChanges.of(changes.stream())
                .onItem().transformToUniAndConcatenate(ids -> Uni.createFrom().item(() -> load(ids))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onItem().transformToIterable(list -> list)
                .filter(filter::matches)
                .map(p -> post(sse, p));
        Multi<OutboundSseEvent> initial = Multi.createFrom().deferred(() -> {
            List<PostSuccessionResponse> snapshot = QuarkusTransaction.requiringNew().call(() ->
                    queries.live(posts.search(filter.toQuery(), PostSort.parse(null).jpql(), 0, SNAPSHOT_LIMIT)));
            return Multi.createFrom().iterable(snapshot).map(p -> post(sse, p))
                    .onCompletion().continueWith(sse.newEventBuilder().name("ready")
                            .data(String.class, "{\"posts\":" + snapshot.size() + "}")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return Multi.createBy().merging().streams(live, initial);
    }

    private List<PostSuccessionResponse> load(List<UUID> postIds) {
        return queries.liveByIds(postIds); // one statement, no entities: a change can name hundreds of posts
    }

    private static OutboundSseEvent post(Sse sse, PostSuccessionResponse p) {
        return sse.newEventBuilder().name("post").id(p.postId().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(PostSuccessionResponse.class, p).build();
    }
}
