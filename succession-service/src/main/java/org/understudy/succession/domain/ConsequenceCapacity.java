package org.understudy.succession.domain;

import org.understudy.events.BoardRole;
import org.understudy.events.OrganisationType;
import org.understudy.events.Region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Consequence capacity (docs/succession-view.md): the most posts of a region (or of the country) that could be
 * filled at the same time from the people ready now, each person taking at most one post they count
 * for: a maximum bipartite matching ({@link HopcroftKarp}) of posts to people. Depth counts the same
 * person for every post they count for; capacity says how many leaders could really be replaced at
 * once. Pure: the graph is given.
 */
public final class ConsequenceCapacity {
    private static final Comparator<Post> UNCOVERED_ORDER = Comparator
            .comparing((Post p) -> p.oversightSegment() == null ? Integer.MIN_VALUE : p.oversightSegment(), Comparator.reverseOrder())
            .thenComparing(Post::odsCode).thenComparing(Post::role).thenComparing(Post::postId);

    private ConsequenceCapacity() {
    }

    /**
     * A post: where it is (region and integrated care board null until its organisation is known; the ICB null
     * when its events name none) and who holds it (a candidate id, or null).
     */
    public record Post(UUID postId, String odsCode, String organisationName, Region region, OrganisationType organisationType,
                       Integer oversightSegment, BoardRole role, UUID incumbentCandidateId, String integratedCareBoard) {
    }

    /** Which posts count: those of a region and of an integrated care board (each null: any). */
    public record Scope(Region region, String integratedCareBoard) {
        /** A region's posts; the country's when region is null. */
        public static Scope of(Region region) {
            return new Scope(region, null);
        }

        /** A trust's post in the region and board asked for: oversight bodies' posts are not part of a trust figure. */
        boolean contains(Post p) {
            return (region == null || region == p.region())
                    && (integratedCareBoard == null || integratedCareBoard.equals(p.integratedCareBoard()))
                    && (p.organisationType() == null || !p.organisationType().oversees());
        }
    }

    /** One person ready now for a post, and whether they are named as its successor. */
    public record Edge(UUID candidateId, boolean named) {
    }

    /** Posts and, for each, the people who count as ready now for it (post_candidate rows at level NOW). */
    public static final class Graph {
        private final List<Post> posts;
        private final List<UUID> people = new ArrayList<>();
        private final int[][] readyNow;
        private final boolean[][] named;
        private final Map<UUID, Integer> postIndex = new HashMap<>();
        private final Map<UUID, Integer> heldPost = new HashMap<>();

        /** @param edges per post id, who is ready now for it (posts without an entry have no one) */
        public Graph(List<Post> posts, Map<UUID, List<Edge>> edges) {
            this.posts = List.copyOf(posts);
            this.readyNow = new int[posts.size()][];
            this.named = new boolean[posts.size()][];
            Map<UUID, Integer> personIndex = new HashMap<>();
            for (int p = 0; p < posts.size(); p++) {
                Post post = posts.get(p);
                postIndex.put(post.postId(), p);
                if (post.incumbentCandidateId() != null) {
                    heldPost.putIfAbsent(post.incumbentCandidateId(), p);
                }
                List<Edge> of = edges.getOrDefault(post.postId(), List.of());
                readyNow[p] = new int[of.size()];
                named[p] = new boolean[of.size()];
                for (int i = 0; i < of.size(); i++) {
                    UUID person = of.get(i).candidateId();
                    Integer index = personIndex.get(person);
                    if (index == null) {
                        index = people.size();
                        personIndex.put(person, index);
                        people.add(person);
                    }
                    readyNow[p][i] = index;
                    named[p][i] = of.get(i).named();
                }
            }
        }

        public List<Post> posts() {
            return posts;
        }

        public int people() {
            return people.size();
        }

        public Post post(UUID postId) {
            Integer p = postIndex.get(postId);
            return p == null ? null : posts.get(p);
        }

        private int[] scope(Scope scope) {
            return IntStream.range(0, posts.size()).filter(p -> scope.contains(posts.get(p))).toArray();
        }
    }

    /**
     * The capacity of a scope.
     *
     * @param region                    null for the country (or an integrated care board across regions)
     * @param posts                     posts in the scope
     * @param postsInWatchedSegments    of which in the watched oversight segments (3 to 5)
     * @param capacity                  the most posts that could be filled at once
     * @param capacityInWatchedSegments the same, counting only posts in the watched segments
     * @param readyNowPeople            distinct people ready now for at least one post of the scope
     * @param sumOfDepths               the sum of the posts' readyNow: what depth alone would suggest
     * @param uncovered                 the posts one maximum matching leaves unfilled (another may leave others, as many)
     * @param integratedCareBoard       the integrated care board the scope is limited to; null for none
     */
    public record Result(Region region, int posts, int postsInWatchedSegments, int capacity, int capacityInWatchedSegments,
                         int readyNowPeople, long sumOfDepths, List<Post> uncovered, String integratedCareBoard) {
    }

    /** Who would be appointed: an opaque id, whether named for the post, and how many posts of the scope they count for. */
    public record Successor(UUID candidateId, boolean named, int readyNowForPosts) {
    }

    /**
     * The post the successor leaves behind.
     *
     * @param readyNow people ready now for it once the successor has gone
     * @param inScope  whether it is in the same region (only then does it weigh on that region's capacity)
     * @param covered  whether the maximum matching after the appointment fills it (it is matched first)
     */
    public record Vacated(Post post, int readyNow, boolean inScope, boolean covered) {
    }

    /**
     * What appointing the post's best-placed ready-now successor does to its region's capacity.
     *
     * @param successor    null when no one is ready now (nothing changes)
     * @param alternatives other people ready now for the post
     * @param after        the region without the post (filled) and without the successor (taken); null without a successor
     * @param vacated      the successor's own post, now to fill; null when they hold none
     */
    public record KnockOn(Post post, Successor successor, int alternatives, Result before, Result after, Vacated vacated) {
    }

    /** The capacity of a region, or of the country when region is null. */
    /** The capacity of a scope: a region, an integrated care board, both, or (neither) the country. */
    public static Result of(Graph graph, Scope scope, Set<Integer> watchedSegments) {
        return evaluate(graph, scope, graph.scope(scope), -1, watchedSegments, null).result();
    }

    /**
     * Appoints, in thought, the post's best-placed successor: named for the post before the pool, then
     * the one whose going costs the region least capacity, then the one who counts for fewest posts
     * (ties by id). The post is then filled and leaves the scope; the successor leaves the pool; the
     * post they held, if any, is vacant and is matched first.
     *
     * @return null for a post not in the graph
     */
    public static KnockOn knockOn(Graph graph, UUID postId, Set<Integer> watchedSegments) {
        Integer p = graph.postIndex.get(postId);
        if (p == null) {
            return null;
        }
        Post post = graph.posts.get(p);
        Scope region = Scope.of(post.region());
        int[] scope = graph.scope(region);
        Result before = evaluate(graph, region, scope, -1, watchedSegments, null).result();
        int[] successors = graph.readyNow[p];
        if (successors.length == 0) {
            return new KnockOn(post, null, 0, before, null, null);
        }
        int self = p;
        int[] without = Arrays.stream(scope).filter(q -> q != self).toArray();
        Option best = null;
        for (int i = 0; i < successors.length; i++) {
            int person = successors[i];
            Integer held = graph.heldPost.get(graph.people.get(person));
            Evaluation after = evaluate(graph, region, without, person, watchedSegments, held);
            Option option = new Option(person, graph.named[p][i], held, degree(graph, without, person), after);
            if (best == null || option.betterThan(best, graph)) {
                best = option;
            }
        }
        Option chosen = best;
        Vacated vacated = null;
        if (chosen.held() != null) {
            int h = chosen.held();
            boolean inScope = Arrays.stream(without).anyMatch(q -> q == h);
            int readyNow = (int) Arrays.stream(graph.readyNow[h]).filter(x -> x != chosen.person()).count();
            vacated = new Vacated(graph.posts.get(h), readyNow, inScope, inScope && chosen.after().covers(h));
        }
        return new KnockOn(post, new Successor(graph.people.get(chosen.person()), chosen.named(), chosen.degree()),
                successors.length - 1, before, chosen.after().result(), vacated);
    }

    private record Option(int person, boolean named, Integer held, int degree, Evaluation after) {
        boolean betterThan(Option other, Graph graph) {
            if (named != other.named) {
                return named;
            }
            if (after.result().capacity() != other.after.result().capacity()) {
                return after.result().capacity() > other.after.result().capacity();
            }
            if (degree != other.degree) {
                return degree < other.degree;
            }
            return graph.people.get(person).compareTo(graph.people.get(other.person)) < 0;
        }
    }

    private record Evaluation(Result result, int[] scope, HopcroftKarp.Matching matching) {
        boolean covers(int post) {
            for (int i = 0; i < scope.length; i++) {
                if (scope[i] == post) {
                    return matching.matched(i);
                }
            }
            return false;
        }
    }

    private static int degree(Graph graph, int[] scope, int person) {
        int n = 0;
        for (int q : scope) {
            for (int x : graph.readyNow[q]) {
                if (x == person) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /**
     * Matches the scope's posts to people (without {@code excludedPerson}, when not -1). Posts matched
     * first: {@code firstPost} (a vacancy to fill), then those in watched segments, most challenged first.
     */
    private static Evaluation evaluate(Graph graph, Scope where, int[] scope, int excludedPerson, Set<Integer> watched,
                                       Integer firstPost) {
        int[][] adjacency = new int[scope.length][];
        boolean[] seen = new boolean[graph.people.size()];
        int readyNowPeople = 0;
        long sumOfDepths = 0;
        for (int i = 0; i < scope.length; i++) {
            int[] all = graph.readyNow[scope[i]];
            adjacency[i] = excludedPerson < 0 ? all : Arrays.stream(all).filter(x -> x != excludedPerson).toArray();
            sumOfDepths += adjacency[i].length;
            for (int x : adjacency[i]) {
                if (!seen[x]) {
                    seen[x] = true;
                    readyNowPeople++;
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scope.length; i++) {
            if (firstPost != null && scope[i] == firstPost) {
                order.add(0, i);
            }
        }
        List<Integer> watchedPosts = new ArrayList<>();
        for (int i = 0; i < scope.length; i++) {
            Integer segment = graph.posts.get(scope[i]).oversightSegment();
            if (segment != null && watched.contains(segment)) {
                watchedPosts.add(i);
            }
        }
        watchedPosts.sort(Comparator.comparing((Integer i) -> graph.posts.get(scope[i]).oversightSegment()).reversed());
        order.addAll(watchedPosts);
        HopcroftKarp.Matching matching = HopcroftKarp.maximum(adjacency, graph.people.size(),
                order.stream().mapToInt(Integer::intValue).toArray());

        int[][] watchedAdjacency = watchedPosts.stream().map(i -> adjacency[i]).toArray(int[][]::new);
        int watchedCapacity = HopcroftKarp.maximum(watchedAdjacency, graph.people.size()).size();

        List<Post> uncovered = new ArrayList<>();
        for (int i = 0; i < scope.length; i++) {
            if (!matching.matched(i)) {
                uncovered.add(graph.posts.get(scope[i]));
            }
        }
        uncovered.sort(UNCOVERED_ORDER);
        Result result = new Result(where.region(), scope.length, watchedPosts.size(), matching.size(), watchedCapacity,
                readyNowPeople, sumOfDepths, List.copyOf(uncovered), where.integratedCareBoard());
        return new Evaluation(result, scope, matching);
    }
}
