package org.understudy.succession.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.understudy.events.Region;
import org.understudy.succession.domain.ConsequenceCapacity;
import org.understudy.succession.domain.DismissalReadiness;

import java.util.List;
import java.util.UUID;

/** What appointing a post's best-placed ready-now successor does to its region's consequence capacity. */
@Schema(name = "KnockOn")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KnockOnResponse(
        CapacityResponse.PostRef post,
        @Schema(description = "The region whose capacity is computed (the post's; null for the country while its organisation is unknown)")
        Region region,
        @Schema(description = "Who would be appointed: named for the post before the pool, then the one whose going costs the region "
                + "least capacity, then the one who counts for fewest posts. Null when no one is ready now.")
        Successor successor,
        @Schema(description = "Other people ready now for the post") int alternatives,
        @Schema(description = "The region's capacity as it stands") Scope before,
        @Schema(description = "The region without the post (filled) and without the successor (taken), the post they leave matched "
                + "first; null without a successor") Scope after,
        @Schema(description = "after.capacity - before.capacity (0 without a successor)") int capacityChange,
        @Schema(description = "The post the successor leaves behind, now to fill; null when they hold none") VacatedPost vacatedPost,
        @Schema(description = "The knock-on in one sentence") String summary,
        long viewVersion) {

    /** An opaque candidate id; whether named for the post; how many posts of the region they count as ready now for. */
    public record Successor(UUID candidateId, boolean named, int readyNowForPosts) {
    }

    public record Scope(int posts, int capacity, List<CapacityResponse.PostRef> uncoveredPosts) {
        static Scope of(ConsequenceCapacity.Result r) {
            return r == null ? null : new Scope(r.posts(), r.capacity(), r.uncovered().stream().map(CapacityResponse.PostRef::of).toList());
        }
    }

    /**
     * @param readyNow people ready now for it once the successor has gone
     * @param inRegion whether it is in the same region (only then does it weigh on the region's capacity)
     * @param covered  whether the matching after the appointment fills it
     */
    public record VacatedPost(CapacityResponse.PostRef post, int readyNow, boolean inRegion, boolean covered) {
    }

    static KnockOnResponse of(ConsequenceCapacity.KnockOn k, long viewVersion) {
        ConsequenceCapacity.Post p = k.post();
        var s = k.successor();
        var v = k.vacated();
        int change = k.after() == null ? 0 : k.after().capacity() - k.before().capacity();
        return new KnockOnResponse(CapacityResponse.PostRef.of(p), p.region(),
                s == null ? null : new Successor(s.candidateId(), s.named(), s.readyNowForPosts()), k.alternatives(),
                Scope.of(k.before()), Scope.of(k.after()), change,
                v == null ? null : new VacatedPost(CapacityResponse.PostRef.of(v.post()), v.readyNow(), v.inScope(), v.covered()),
                summary(k), viewVersion);
    }

    private static String summary(ConsequenceCapacity.KnockOn k) {
        String where = k.post().region() == null ? "the country" : k.post().region().displayName();
        if (k.successor() == null) {
            return "No one is ready now for this post, so there is no successor to appoint; " + where + " can fill "
                    + posts(k.before().capacity()) + " at once.";
        }
        StringBuilder out = new StringBuilder("Appointing ")
                .append(k.successor().named() ? "the named successor" : "the best-placed ready-now successor")
                .append(" would take ").append(where).append(" from ").append(posts(k.before().capacity()))
                .append(" that could be filled at once to ").append(k.after().capacity());
        ConsequenceCapacity.Vacated v = k.vacated();
        if (v != null) {
            out.append("; the ").append(DismissalReadiness.roleInWords(v.post().role())).append(" post they leave at ")
                    .append(v.post().odsCode()).append(" would need filling, and ")
                    .append(v.readyNow() == 0 ? "no one is" : v.readyNow() == 1 ? "1 person is" : v.readyNow() + " people are")
                    .append(" ready now for it");
        }
        return out.append('.').toString();
    }

    private static String posts(int n) {
        return n == 1 ? "1 post" : n + " posts";
    }
}
