/**
 * The Lamina language: annotations that describe a neural network as a Java class.
 *
 * <p>A network is a class annotated with {@link dev.lamina.dsl.Network}. Each field of type {@link
 * dev.lamina.dsl.Layer} is one stage; its layer annotations run in the order they are written, exactly
 * like the modules of a PyTorch {@code nn.Sequential}:
 *
 * <pre>{@code
 * @Network(input = 784)
 * abstract class MnistMlp {
 *     @Linear(in = 784, out = 300) @BatchNorm @ReLU @Dropout(0.2) Layer hidden1;
 *     @Linear(out = 300)           @BatchNorm @ReLU @Dropout(0.2) Layer hidden2;
 *     @Linear(out = 10)                                           Layer logits;
 * }
 * }</pre>
 *
 * <p>The Lamina annotation processor checks the shapes at compile time and generates {@code
 * MnistMlpNetwork}, which runs on DJL with the PyTorch engine.
 */
package dev.lamina.dsl;
