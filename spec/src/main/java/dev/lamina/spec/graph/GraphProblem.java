package dev.lamina.spec.graph;

/**
 * One thing wrong with a graph, said so that whoever wrote it can fix it: the stage or input at fault, both
 * shapes when shapes disagree, and what to change.
 *
 * @param where the node, input or output name the problem is attached to
 * @param message the whole sentence, starting with {@code where}
 */
public record GraphProblem(String where, String message) {

    @Override
    public String toString() {
        return message;
    }
}
