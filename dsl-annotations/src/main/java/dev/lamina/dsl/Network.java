package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a class as a Lamina network. The processor generates {@code <ClassName>Network}, a subclass
 * that builds the network on DJL and fills in the {@link Layer} fields.
 *
 * <p>PyTorch equivalent: an {@code nn.Sequential} (or an {@code nn.Module} whose {@code forward} calls
 * its children in order). The class must be extendable: not final, not private, not generic, not an
 * inner (non-static nested) class, with a constructor the generated subclass can call without
 * arguments.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {

    /** The network's name in summaries, errors and saved files. Default: the simple class name. */
    String name() default "";

    /**
     * The shape of one input sample, batch dimension excluded: {@code 784} for a flat MNIST image,
     * {@code {1, 28, 28}} for an image with one channel. Every dimension must be positive. Give either this
     * or {@link #inputs()}, not both.
     */
    int[] input() default {};

    /**
     * Named inputs of a network that reads several, as in {@code inputs = {@Input(name = "fingerprint", shape
     * = 2048), @Input(name = "descriptors", shape = 8)}}; stages read them with {@link From}. Give either this
     * or {@link #input()}, not both.
     *
     * <p>PyTorch equivalent: the arguments of the module's {@code forward(self, fingerprint, descriptors)}.
     */
    Input[] inputs() default {};
}
