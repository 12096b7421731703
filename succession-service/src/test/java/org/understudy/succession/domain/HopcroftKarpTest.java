package org.understudy.succession.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Maximum bipartite matching: posts (left) to people (right). */
class HopcroftKarpTest {

    @Test
    void nothingToMatch() {
        assertEquals(0, HopcroftKarp.maximum(new int[0][], 0).size());
        assertEquals(0, HopcroftKarp.maximum(new int[][]{{}, {}}, 3).size());
    }

    @Test
    void onePersonReadyForTenPostsFillsOne() {
        int[][] posts = new int[10][];
        for (int p = 0; p < 10; p++) {
            posts[p] = new int[]{0};
        }
        HopcroftKarp.Matching m = HopcroftKarp.maximum(posts, 1);
        assertEquals(1, m.size(), "the sum of depths is 10, the capacity 1");
        assertValid(posts, m);
    }

    @Test
    void everyoneReadyForEverythingFillsTheSmallerSide() {
        int[][] posts = new int[4][];
        for (int p = 0; p < 4; p++) {
            posts[p] = new int[]{0, 1, 2, 3, 4, 5};
        }
        assertEquals(4, HopcroftKarp.maximum(posts, 6).size());
        int[][] fewPeople = {{0, 1}, {0, 1}, {0, 1}, {0, 1}};
        assertEquals(2, HopcroftKarp.maximum(fewPeople, 2).size());
    }

    @Test
    void findsTheAugmentingPathAGreedyStartMisses() {
        // Greedy gives post 0 person 0 and then post 1 has no one; the maximum moves post 0 to person 1.
        int[][] posts = {{0, 1}, {0}};
        HopcroftKarp.Matching m = HopcroftKarp.maximum(posts, 2);
        assertEquals(2, m.size());
        assertEquals(1, m.rightOfLeft()[0]);
        assertEquals(0, m.rightOfLeft()[1]);
    }

    @Test
    void aLongAugmentingChain() {
        // Post i is open to persons i and i+1; greedy in index order matches i with i and leaves the last post
        // without anyone only if the chain has to shift; here the last post accepts only person 0.
        int n = 200;
        int[][] posts = new int[n][];
        for (int i = 0; i < n - 1; i++) {
            posts[i] = new int[]{i, i + 1};
        }
        posts[n - 1] = new int[]{0};
        HopcroftKarp.Matching m = HopcroftKarp.maximum(posts, n);
        assertEquals(n, m.size());
        assertValid(posts, m);
    }

    @Test
    void postsListedFirstAreMatchedWhenTheyCanBe() {
        int[][] posts = {{0}, {0}, {0}};
        assertTrue(HopcroftKarp.maximum(posts, 1, new int[]{2}).matched(2));
        assertTrue(HopcroftKarp.maximum(posts, 1, new int[]{1}).matched(1));
        // Putting a post first never costs the maximum.
        int[][] chain = {{0, 1}, {0}, {1, 2}};
        assertEquals(3, HopcroftKarp.maximum(chain, 3, new int[]{0}).size());
    }

    @Test
    void agreesWithAnExhaustiveSearchOnRandomGraphs() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int left = 1 + random.nextInt(7);
            int right = 1 + random.nextInt(7);
            double density = random.nextDouble();
            int[][] posts = new int[left][];
            for (int l = 0; l < left; l++) {
                posts[l] = random.ints(0, right).limit(right).filter(r -> random.nextDouble() < density).distinct().toArray();
            }
            HopcroftKarp.Matching m = HopcroftKarp.maximum(posts, right);
            assertValid(posts, m);
            assertEquals(exhaustive(posts, 0, new HashSet<>()), m.size(), "round " + round);
        }
    }

    /** The size of a maximum matching by trying everything (small graphs only). */
    private static int exhaustive(int[][] posts, int left, Set<Integer> taken) {
        if (left == posts.length) {
            return 0;
        }
        int best = exhaustive(posts, left + 1, taken);
        for (int r : posts[left]) {
            if (taken.add(r)) {
                best = Math.max(best, 1 + exhaustive(posts, left + 1, taken));
                taken.remove(r);
            }
        }
        return best;
    }

    private static void assertValid(int[][] posts, HopcroftKarp.Matching m) {
        Set<Integer> used = new HashSet<>();
        int matched = 0;
        for (int l = 0; l < posts.length; l++) {
            int r = m.rightOfLeft()[l];
            if (r >= 0) {
                matched++;
                int person = r;
                assertTrue(java.util.Arrays.stream(posts[l]).anyMatch(x -> x == person), "post " + l + " matched to someone not ready for it");
                assertTrue(used.add(r), "person " + r + " matched twice");
            }
        }
        assertEquals(matched, m.size());
    }
}
