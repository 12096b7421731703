package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;
import org.understudy.succession.domain.ConsequenceCapacity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Consequence capacity of a region or of the country. */
@Schema(name = "ConsequenceCapacity")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CapacityResponse(
        @Schema(description = "The region; null for the country") Region region,
        @Schema(description = "The integrated care board (its ODS code) the scope is limited to; null for none") String integratedCareBoard,
        @Schema(description = "Posts in the scope") int posts,
        @Schema(description = "The most posts that could be filled at the same time from the people ready now, each person taking "
                + "at most one post they count for (a maximum bipartite matching)") int capacity,
        @Schema(description = "The oversight segments watched (by default 3 to 5)") Set<Integer> watchedSegments,
        @Schema(description = "Posts in the watched segments") int postsInWatchedSegments,
        @Schema(description = "The capacity counting only posts in the watched segments") int capacityInWatchedSegments,
        @Schema(description = "Distinct people ready now for at least one post of the scope") int readyNowPeople,
        @Schema(description = "The sum of the posts' readyNow: what depth alone would suggest") long sumOfDepths,
        @Schema(description = "The posts one maximum matching leaves unfilled (watched segments, most challenged first, are "
                + "matched first where they can be); another matching may leave others, never more") List<PostRef> uncoveredPosts,
        @Schema(description = "The version of the view this was computed at (it moves with every change of who counts where)") long viewVersion) {

    /** A post, by its id and where it is. */
    @Schema(name = "PostRef")
    public record PostRef(UUID postId, String odsCode, String organisationName, Region region, OrganisationType organisationType,
                          Integer oversightSegment, BoardRole role) {
        static PostRef of(ConsequenceCapacity.Post p) {
            return new PostRef(p.postId(), p.odsCode(), p.organisationName(), p.region(), p.organisationType(), p.oversightSegment(), p.role());
        }
    }

    static CapacityResponse of(ConsequenceCapacity.Result r, Set<Integer> watched, long viewVersion) {
        return new CapacityResponse(r.region(), r.integratedCareBoard(), r.posts(), r.capacity(), new TreeSet<>(watched), r.postsInWatchedSegments(),
                r.capacityInWatchedSegments(), r.readyNowPeople(), r.sumOfDepths(), r.uncovered().stream().map(PostRef::of).toList(),
                viewVersion);
    }
}
