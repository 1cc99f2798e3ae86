/**
 * Data sets for training: {@link dev.lamina.runtime.data.Dataset} and the loaders that build one from files
 * ({@link dev.lamina.runtime.data.MnistCsv}, {@link dev.lamina.runtime.data.MnistIdx},
 * {@link dev.lamina.runtime.data.DelimitedText}), preprocessing ({@link dev.lamina.runtime.data.MinMaxScaler})
 * and a reproducible {@link dev.lamina.runtime.data.TrainTestSplit}. Every loader reports a bad file with its
 * path and, for text, the 1-based line, in a {@link dev.lamina.runtime.data.DataFormatException}.
 */
package dev.lamina.runtime.data;
