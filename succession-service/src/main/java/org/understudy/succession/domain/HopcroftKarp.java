package org.understudy.succession.domain;

import java.util.Arrays;

/**
 * Maximum bipartite matching (Hopcroft–Karp, O(E·√V)): left vertices are posts, right vertices
 * people, an edge says the person counts as ready now for the post. Pure and allocation-light: the
 * graph is given as adjacency arrays of indices.
 *
 * <p>Each phase finds, by a breadth-first search from every unmatched left vertex, the length of the
 * shortest augmenting paths, then augments along a maximal set of vertex-disjoint paths of that
 * length by depth-first search. A matched left vertex is never unmatched by an augmentation, which
 * is what lets callers put some left vertices first: those the greedy start matches stay matched.
 */
public final class HopcroftKarp {
    private static final int INFINITE = Integer.MAX_VALUE;

    /**
     * A maximum matching.
     *
     * @param size        how many left vertices are matched
     * @param rightOfLeft for each left vertex, its matched right vertex, or -1
     */
    public record Matching(int size, int[] rightOfLeft) {
        public boolean matched(int left) {
            return rightOfLeft[left] >= 0;
        }
    }

    private final int[][] adjacency;
    private final int[] rightOfLeft;
    private final int[] leftOfRight;
    private final int[] layer;
    private final int[] next;
    private final int[] queue;
    private int freeLayer;

    private HopcroftKarp(int[][] adjacency, int rightCount) {
        this.adjacency = adjacency;
        this.rightOfLeft = new int[adjacency.length];
        this.leftOfRight = new int[rightCount];
        this.layer = new int[adjacency.length];
        this.next = new int[adjacency.length];
        this.queue = new int[adjacency.length];
        Arrays.fill(rightOfLeft, -1);
        Arrays.fill(leftOfRight, -1);
    }

    /** A maximum matching of the graph whose left vertex {@code l} is adjacent to the right vertices {@code adjacency[l]}. */
    public static Matching maximum(int[][] adjacency, int rightCount) {
        return maximum(adjacency, rightCount, new int[0]);
    }

    /**
     * A maximum matching in which the left vertices listed first are matched first, greedily, in that
     * order (then the others in index order): each of them that the greedy start can match stays
     * matched. In particular, the first one is matched whenever it has an edge at all.
     */
    public static Matching maximum(int[][] adjacency, int rightCount, int[] first) {
        HopcroftKarp hk = new HopcroftKarp(adjacency, rightCount);
        int size = hk.greedy(first);
        while (hk.layers()) {
            Arrays.fill(hk.next, 0);
            for (int left = 0; left < adjacency.length; left++) {
                if (hk.rightOfLeft[left] < 0 && hk.augment(left)) {
                    size++;
                }
            }
        }
        return new Matching(size, hk.rightOfLeft);
    }

    private int greedy(int[] first) {
        int size = 0;
        for (int left : first) {
            size += greedyMatch(left);
        }
        for (int left = 0; left < adjacency.length; left++) {
            size += greedyMatch(left);
        }
        return size;
    }

    private int greedyMatch(int left) {
        if (rightOfLeft[left] >= 0) {
            return 0;
        }
        for (int right : adjacency[left]) {
            if (leftOfRight[right] < 0) {
                rightOfLeft[left] = right;
                leftOfRight[right] = left;
                return 1;
            }
        }
        return 0;
    }

    /** Breadth-first from the free left vertices: true when some augmenting path exists. */
    private boolean layers() {
        int head = 0;
        int tail = 0;
        for (int left = 0; left < adjacency.length; left++) {
            if (rightOfLeft[left] < 0) {
                layer[left] = 0;
                queue[tail++] = left;
            } else {
                layer[left] = INFINITE;
            }
        }
        freeLayer = INFINITE;
        while (head < tail) {
            int left = queue[head++];
            if (layer[left] >= freeLayer) {
                continue;
            }
            for (int right : adjacency[left]) {
                int mate = leftOfRight[right];
                if (mate < 0) {
                    if (freeLayer == INFINITE) {
                        freeLayer = layer[left] + 1;
                    }
                } else if (layer[mate] == INFINITE) {
                    layer[mate] = layer[left] + 1;
                    queue[tail++] = mate;
                }
            }
        }
        return freeLayer != INFINITE;
    }

    /**
     * Depth-first along the layers for a shortest augmenting path from {@code left}; flips it when
     * found. Recursion depth is at most the number of layers (bounded by the number of left vertices).
     */
    private boolean augment(int left) {
        int[] edges = adjacency[left];
        for (; next[left] < edges.length; next[left]++) {
            int right = edges[next[left]];
            int mate = leftOfRight[right];
            boolean reaches = mate < 0 ? layer[left] + 1 == freeLayer
                    : layer[mate] == layer[left] + 1 && augment(mate);
            if (reaches) {
                rightOfLeft[left] = right;
                leftOfRight[right] = left;
                next[left]++;
                return true;
            }
        }
        layer[left] = INFINITE;
        return false;
    }
}
