package dev.lamina.processor.parse;

import java.util.Set;

/** The qualified names of Lamina's layer annotations, which may only appear on stage fields. */
public final class LayerAnnotations {

    public static final String PACKAGE = "dev.lamina.dsl";
    public static final String NETWORK = PACKAGE + ".Network";
    public static final String LAYER_TYPE = PACKAGE + ".Layer";

    public static final Set<String> SIMPLE_NAMES =
            Set.of("Linear", "BatchNorm", "Dropout", "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "Conv2d",
                    "MaxPool2d", "AvgPool2d", "Flatten", "GELU");

    public static final Set<String> QUALIFIED_NAMES =
            SIMPLE_NAMES.stream().map(name -> PACKAGE + "." + name).collect(java.util.stream.Collectors.toSet());

    /** Annotations that say where a stage of a graph network reads from. */
    public static final Set<String> GRAPH_QUALIFIED_NAMES =
            Set.of(PACKAGE + ".From", PACKAGE + ".Add", PACKAGE + ".Concat", PACKAGE + ".Residual");

    private LayerAnnotations() {}
}
