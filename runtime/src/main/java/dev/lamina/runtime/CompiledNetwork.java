package dev.lamina.runtime;

import ai.djl.ndarray.NDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every generated network class ({@code MnistMlpNetwork}) offers: explicit train and eval forward
 * passes, predictions, parameters by name, saving and loading. Code that should work with any network
 * can take a {@code CompiledNetwork}.
 *
 * <p>The methods are written once here rather than in each generated class: javac then compiles them once,
 * with the runtime, instead of once per network in every user's build.
 */
public interface CompiledNetwork extends AutoCloseable {

    /** The runtime network, for training and inspection. */
    LaminaNetwork network();

    /** Training mode: Dropout drops, BatchNorm uses and updates batch statistics. */
    default NDArray forwardTrain(NDArray input) {
        return network().forwardTrain(input);
    }

    /** Eval mode: Dropout is off, BatchNorm uses its running statistics. */
    default NDArray forwardEval(NDArray input) {
        return network().forwardEval(input);
    }

    /** The predicted class of each sample, in eval mode. */
    default int[] predict(float[][] samples) {
        return network().predictClasses(samples);
    }

    /** Class probabilities of each sample, in eval mode. */
    default float[][] predictProbabilities(float[][] samples) {
        return network().predictProbabilities(samples);
    }

    /** A parameter by name, such as {@code hidden1.weight}. */
    default NDArray parameter(String name) {
        return network().parameter(name);
    }

    /** All parameter and running-statistic names, in network order. */
    default List<String> parameterNames() {
        return network().parameterNames();
    }

    /** Saves the parameters as a safetensors file, atomically. */
    default void save(Path file) throws IOException {
        network().save(file);
    }

    /** Loads parameters saved by {@link #save}; another network's file is rejected. */
    default void load(Path file) throws IOException {
        network().load(file);
    }

    /** Frees the native memory of the parameters. */
    @Override
    default void close() {
        network().close();
    }
}
