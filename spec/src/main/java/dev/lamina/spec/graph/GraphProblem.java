package dev.lamina.spec.graph;

/**
 * One thing wrong with a graph, said so that whoever wrote it can fix it: the stage or input at fault, both
 * shapes when shapes disagree, and what to change.
 *
 * @param where the node, input or output name the problem is attached to
 * @param kind what is wrong, so a compiler can point at the attribute at fault
 * @param source the source name the problem is about (a misspelled or later source, the differing side of a
 *     merge), or null
 * @param message the whole sentence, starting with {@code where}
 */
public record GraphProblem(String where, Kind kind, String source, String message) {

    /** What is wrong. */
    public enum Kind {
        /** The first stage of a network with several inputs does not say which it reads. */
        NO_SOURCE,
        /** A source names no input or stage. */
        UNKNOWN_SOURCE,
        /** A source is the node itself or a node below it. */
        LATER_SOURCE,
        /** {@code @Add} of different shapes. */
        ADD_MISMATCH,
        /** {@code @Concat} of a source that is not flat. */
        CONCAT_NOT_FLAT,
        /** A layer does not accept the node's input. */
        LAYER,
        /** A residual node's layers change its input's shape. */
        RESIDUAL_MISMATCH,
        /** An input nobody reads. */
        UNUSED_INPUT,
        /** A node nobody reads that is no output. */
        UNUSED_NODE,
        /** An output that is no node. */
        UNKNOWN_OUTPUT
    }

    @Override
    public String toString() {
        return message;
    }
}
