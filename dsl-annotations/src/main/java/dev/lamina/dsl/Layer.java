package dev.lamina.dsl;

/**
 * The type of a stage field in a {@link Network} class. The generated network assigns each such field
 * a handle to its stage, so user code can refer to a stage by its field.
 *
 * <p>A field of this type must carry at least one layer annotation, and a field with layer
 * annotations must be of this type.
 */
public interface Layer {

    /** The stage's name: the name of the field it was declared as. */
    String name();

    /**
     * The names of this stage's trainable parameters and running statistics, as the network's {@code
     * parameter(String)} accepts them, for example {@code hidden1.weight}.
     */
    java.util.List<String> parameterNames();
}
