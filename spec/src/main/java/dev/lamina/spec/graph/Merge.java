package dev.lamina.spec.graph;

/** How a graph node combines its sources before its own layers. */
public enum Merge {

    /** Exactly one source, read as it is. */
    NONE("@From"),

    /** Two or more sources of one shape, summed elementwise. */
    ADD("@Add"),

    /** Two or more flat sources, their features joined in the order listed (PyTorch's {@code torch.cat(dim=1)}). */
    CONCAT("@Concat");

    private final String annotation;

    Merge(String annotation) {
        this.annotation = annotation;
    }

    /** The annotation that will declare it, for messages: {@code @Concat}. */
    public String annotation() {
        return annotation;
    }
}
