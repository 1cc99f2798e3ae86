package dev.lamina.runtime.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.Merge;

import java.util.List;

/**
 * What happens between nodes: merging sources and adding a residual input back. Kept apart from the blocks so
 * that the shapes a node is initialised with and the arrays it is run on are merged by the same rule.
 */
final class GraphWiring {

    private GraphWiring() {}

    /** The sample shape a node's layers see, from its sources' shapes (already checked by GraphShapes). */
    static Shape mergedShape(Merge merge, List<Shape> sources) {
        if (merge != Merge.CONCAT) {
            return sources.get(0);
        }
        return Shape.of(sources.stream().mapToLong(Shape::features).reduce(0, Math::addExact));
    }

    /** The array a node's layers see: the one source, the elementwise sum, or the features joined in order. */
    static NDArray merge(Merge merge, List<NDArray> sources) {
        switch (merge) {
            case NONE:
                return sources.get(0);
            case ADD:
                NDArray sum = sources.get(0);
                for (int i = 1; i < sources.size(); i++) {
                    sum = sum.add(sources.get(i));
                }
                return sum;
            case CONCAT:
                return NDArrays.concat(new NDList(sources), 1);
            default:
                throw new AssertionError(merge);
        }
    }
}
