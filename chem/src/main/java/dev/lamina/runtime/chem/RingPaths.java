package dev.lamina.runtime.chem;

import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

import java.util.Arrays;

/**
 * Counts the paths CDK's circular fingerprinter walks to find the rings of a molecule, up to a budget, and
 * without walking them in CDK's way: the fingerprinter enumerates every simple path of up to
 * {@value #MAX_RING_SIZE} atoms through ring atoms, which is a few thousand for real molecules but grows like
 * the degree to the seventh power (an 18-atom complete graph took 24 seconds). Counting stops as soon as the
 * budget is spent, so the check itself costs at most the budget.
 */
final class RingPaths {

    /** The largest ring CDK's fingerprinter looks for. */
    static final int MAX_RING_SIZE = 7;

    private RingPaths() {}

    /**
     * Whether the paths through the molecule's cyclic part number more than {@code budget}. The cyclic part
     * is what is left after repeatedly removing atoms with one neighbour: a superset of the ring atoms, so
     * the count never underestimates CDK's.
     */
    static boolean exceed(IAtomContainer molecule, long budget) {
        int[][] neighbours = cyclicNeighbours(molecule);
        long count = 0;
        int[] path = new int[MAX_RING_SIZE];
        int[] next = new int[MAX_RING_SIZE];
        for (int start = 0; start < neighbours.length; start++) {
            if (neighbours[start].length == 0) {
                continue;
            }
            // Depth-first over simple paths from start, without recursion: path[d] is the atom at depth d,
            // next[d] the index of the neighbour of path[d] to try next.
            int depth = 0;
            path[0] = start;
            next[0] = 0;
            while (depth >= 0) {
                int atom = path[depth];
                if (depth == MAX_RING_SIZE - 1 || next[depth] == neighbours[atom].length) {
                    depth--;
                    continue;
                }
                int candidate = neighbours[atom][next[depth]++];
                if (onPath(path, depth, candidate)) {
                    continue;
                }
                if (++count > budget) {
                    return true;
                }
                path[++depth] = candidate;
                next[depth] = 0;
            }
        }
        return false;
    }

    private static boolean onPath(int[] path, int depth, int atom) {
        for (int i = 0; i <= depth; i++) {
            if (path[i] == atom) {
                return true;
            }
        }
        return false;
    }

    /** Each atom's neighbours within the cyclic part; atoms outside it have none. */
    private static int[][] cyclicNeighbours(IAtomContainer molecule) {
        int atoms = molecule.getAtomCount();
        int[] degree = new int[atoms];
        int[][] ends = new int[molecule.getBondCount()][];
        int b = 0;
        for (IBond bond : molecule.bonds()) {
            int u = molecule.indexOf(bond.getBegin());
            int v = molecule.indexOf(bond.getEnd());
            ends[b++] = new int[] {u, v};
            if (u != v) {
                degree[u]++;
                degree[v]++;
            }
        }
        int[][] all = adjacency(atoms, ends, degree);
        // Peel atoms of degree one until none is left: trees hanging off rings, and chains, go.
        boolean[] removed = new boolean[atoms];
        int[] queue = new int[atoms];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < atoms; i++) {
            if (degree[i] <= 1) {
                removed[i] = true;
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            for (int neighbour : all[queue[head++]]) {
                if (!removed[neighbour] && --degree[neighbour] <= 1) {
                    removed[neighbour] = true;
                    queue[tail++] = neighbour;
                }
            }
        }
        int[][] cyclic = new int[atoms][];
        for (int i = 0; i < atoms; i++) {
            cyclic[i] = removed[i] ? new int[0]
                    : Arrays.stream(all[i]).filter(n -> !removed[n]).toArray();
        }
        return cyclic;
    }

    private static int[][] adjacency(int atoms, int[][] ends, int[] degree) {
        int[][] all = new int[atoms][];
        int[] filled = new int[atoms];
        for (int i = 0; i < atoms; i++) {
            all[i] = new int[degree[i]];
        }
        for (int[] bond : ends) {
            if (bond[0] != bond[1]) {
                all[bond[0]][filled[bond[0]]++] = bond[1];
                all[bond[1]][filled[bond[1]]++] = bond[0];
            }
        }
        return all;
    }
}
