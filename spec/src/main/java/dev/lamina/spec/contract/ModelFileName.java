package dev.lamina.spec.contract;

/**
 * The file name a run gives its model, {@code MnistMlp.lamina.safetensors}: written by the runtime and named
 * in the Javadoc the compiler generates, so it is spelled once.
 */
public final class ModelFileName {

    public static final String SUFFIX = ".lamina.safetensors";

    private ModelFileName() {}

    /** The model file of network {@code networkName}; spaces (allowed in network names) become underscores. */
    public static String of(String networkName) {
        return networkName.replace(' ', '_') + SUFFIX;
    }
}
