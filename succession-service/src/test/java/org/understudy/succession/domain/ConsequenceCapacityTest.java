package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;
import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consequence capacity and knock-on over small graphs. */
class ConsequenceCapacityTest {
    private static final Set<Integer> WATCHED = Set.of(3, 4, 5);

    private final List<ConsequenceCapacity.Post> posts = new ArrayList<>();
    private final Map<UUID, List<ConsequenceCapacity.Edge>> edges = new HashMap<>();

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private UUID post(String name, Region region, int segment, String incumbent) {
        UUID id = id(name);
        posts.add(new ConsequenceCapacity.Post(id, name.toUpperCase(), name, region, OrganisationType.ACUTE, segment,
                BoardRole.CHIEF_EXECUTIVE, incumbent == null ? null : id(incumbent), region == null ? null : "Q" + region.name().substring(0, 2)));
        return id;
    }

    private void ready(String person, UUID post, boolean named) {
        edges.computeIfAbsent(post, k -> new ArrayList<>()).add(new ConsequenceCapacity.Edge(id(person), named));
    }

    private ConsequenceCapacity.Graph graph() {
        return new ConsequenceCapacity.Graph(posts, edges);
    }

    @Test
    void onePersonReadyForTenPostsCanFillOne() {
        for (int i = 0; i < 10; i++) {
            ready("ada", post("p" + i, Region.LONDON, 3, null), false);
        }
        ConsequenceCapacity.Result r = ConsequenceCapacity.of(graph(), ConsequenceCapacity.Scope.of(Region.LONDON), WATCHED);
        assertEquals(10, r.posts());
        assertEquals(10, r.sumOfDepths(), "depth counts Ada ten times");
        assertEquals(1, r.readyNowPeople());
        assertEquals(1, r.capacity(), "but she can take only one post");
        assertEquals(9, r.uncovered().size());
        assertEquals(10, r.postsInWatchedSegments());
        assertEquals(1, r.capacityInWatchedSegments());
    }

    @Test
    void aRegionCountsItsOwnPostsAndTheCountryAll() {
        UUID london = post("london", Region.LONDON, 2, null);
        UUID leeds = post("leeds", Region.NORTH_EAST_AND_YORKSHIRE, 4, null);
        UUID unknown = post("unknown", null, 0, null);
        ready("ada", london, false);
        ready("ada", leeds, false);
        ready("ben", unknown, true);
        assertEquals(1, ConsequenceCapacity.of(graph(), ConsequenceCapacity.Scope.of(Region.LONDON), WATCHED).capacity());
        assertEquals(1, ConsequenceCapacity.of(graph(), ConsequenceCapacity.Scope.of(Region.NORTH_EAST_AND_YORKSHIRE), WATCHED).capacity());
        ConsequenceCapacity.Result national = ConsequenceCapacity.of(graph(), ConsequenceCapacity.Scope.of(null), WATCHED);
        assertEquals(3, national.posts());
        assertEquals(2, national.capacity(), "Ada fills one of her two posts, Ben the third");
        assertEquals(1, national.uncovered().size());
        assertEquals(1, national.postsInWatchedSegments());
        // An integrated care board (here each region's trusts share one: QLO for London, QNO for the North East)
        // counts its own posts only, whatever the region asked; the unknown organisation's post is in none.
        ConsequenceCapacity.Result board = ConsequenceCapacity.of(graph(), new ConsequenceCapacity.Scope(null, "QNO"), WATCHED);
        assertEquals(1, board.posts());
        assertEquals(1, board.capacity());
        assertEquals("QNO", board.integratedCareBoard());
        assertEquals(0, ConsequenceCapacity.of(graph(), new ConsequenceCapacity.Scope(Region.LONDON, "QNO"), WATCHED).posts());
    }

    @Test
    void postsInWatchedSegmentsAreCoveredFirstWhenTheyCanBe() {
        UUID calm = post("calm", Region.LONDON, 1, null);
        UUID troubled = post("troubled", Region.LONDON, 5, null);
        ready("ada", calm, false);
        ready("ada", troubled, false);
        ConsequenceCapacity.Result r = ConsequenceCapacity.of(graph(), ConsequenceCapacity.Scope.of(Region.LONDON), WATCHED);
        assertEquals(1, r.capacity());
        assertEquals(List.of(calm), r.uncovered().stream().map(ConsequenceCapacity.Post::postId).toList());
    }

    @Test
    void appointingTheNamedSuccessorVacatesTheirPost() {
        // Ada holds post A; she is ready for B (named). Ben is ready for A and C. Cai is ready for B and C.
        UUID a = post("a", Region.MIDLANDS, 3, "ada");
        UUID b = post("b", Region.MIDLANDS, 4, null);
        UUID c = post("c", Region.MIDLANDS, 2, null);
        ready("ada", b, true);
        ready("cai", b, false);
        ready("ben", a, false);
        ready("ben", c, false);
        ready("cai", c, false);
        ConsequenceCapacity.KnockOn k = ConsequenceCapacity.knockOn(graph(), b, WATCHED);
        assertEquals(3, k.before().capacity());
        assertEquals(id("ada"), k.successor().candidateId(), "the named successor is appointed before the pool");
        assertTrue(k.successor().named());
        assertEquals(1, k.alternatives());
        // After: B is filled by Ada; A (her post) is vacant and matched first: Ben takes A, Cai C.
        assertEquals(2, k.after().posts());
        assertEquals(2, k.after().capacity());
        assertEquals(a, k.vacated().post().postId());
        assertTrue(k.vacated().inScope());
        assertTrue(k.vacated().covered());
        assertEquals(1, k.vacated().readyNow());
    }

    @Test
    void theSuccessorWhoseGoingCostsLeastIsBestPlaced() {
        // Two pool candidates for P: Ada is also the only one for Q; Ben counts for P alone.
        UUID p = post("p", Region.LONDON, 3, null);
        UUID q = post("q", Region.LONDON, 3, null);
        ready("ada", p, false);
        ready("ada", q, false);
        ready("ben", p, false);
        ConsequenceCapacity.KnockOn k = ConsequenceCapacity.knockOn(graph(), p, WATCHED);
        assertEquals(id("ben"), k.successor().candidateId());
        assertEquals(2, k.before().capacity());
        assertEquals(1, k.after().capacity(), "Q can still be filled by Ada");
        assertNull(k.vacated());
    }

    @Test
    void noOneReadyMeansNoKnockOn() {
        UUID p = post("p", Region.LONDON, 3, null);
        ConsequenceCapacity.KnockOn k = ConsequenceCapacity.knockOn(graph(), p, WATCHED);
        assertNull(k.successor());
        assertNull(k.after());
        assertEquals(0, k.before().capacity());
        assertNull(ConsequenceCapacity.knockOn(graph(), UUID.randomUUID(), WATCHED));
    }

    @Test
    void aVacatedPostInAnotherRegionDoesNotCountForThisOne() {
        UUID home = post("home", Region.SOUTH_EAST, 3, "ada");
        UUID there = post("there", Region.LONDON, 3, null);
        ready("ada", there, false);
        ready("ben", home, false);
        ConsequenceCapacity.KnockOn k = ConsequenceCapacity.knockOn(graph(), there, WATCHED);
        assertEquals(home, k.vacated().post().postId());
        assertFalse(k.vacated().inScope());
        assertFalse(k.vacated().covered());
        assertEquals(1, k.vacated().readyNow());
        assertEquals(0, k.after().posts());
    }
}
