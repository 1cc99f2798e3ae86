package dev.lamina.runtime.export;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.graph.GraphNetwork;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.spec.NetworkSpec;
import dev.lamina.spec.NetworkSummary;
import dev.lamina.spec.graph.GraphSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exports a network for PyTorch: a directory with
 *
 * <ul>
 *   <li>{@value #WEIGHTS}: the parameters and BatchNorm running statistics, exactly as {@link
 *       LaminaNetwork#save} writes them (float32, Lamina's names, metadata {@code lamina.network});
 *   <li>{@value #MODEL}: a generated, dependency-free (PyTorch only) {@code nn.Module} with the same
 *       layers in the same order, whose {@code state_dict} names are those of the file, so that
 *       <pre>{@code
 * from model import MnistMlp
 * model = MnistMlp.load("model.safetensors")   # eval mode
 * # or: model = MnistMlp(); model.load_state_dict(safetensors.torch.load_file("model.safetensors"))
 * }</pre>
 *       loads strictly. Linear and Conv2d keep {@code <stage>.weight} and {@code <stage>.bias} on the
 *       stage module; BatchNorm is {@code nn.BatchNorm1d} ({@code nn.BatchNorm2d} over the channels of
 *       (C, H, W) samples) without the {@code num_batches_tracked} counter (PyTorch uses it only for
 *       {@code momentum=None}); {@code model.py} includes a small safetensors reader for users without
 *       the {@code safetensors} package.
 * </ul>
 *
 * <p>Each file is written atomically; existing files of these names are replaced.
 */
public final class PyTorchExport {

    /** The parameter file in the export directory. */
    public static final String WEIGHTS = "model.safetensors";

    /** The raw-input preprocessing in the export directory, when the data source declared one. */
    public static final String PREPROCESS = "preprocess.py";

    /** The generated PyTorch module in the export directory. */
    public static final String MODEL = "model.py";

    private PyTorchExport() {}

    /**
     * Writes {@value #WEIGHTS} and {@value #MODEL} into {@code directory} (created if missing); the
     * header of {@code model.py} carries a summary table computed from the network.
     *
     */
    public static void write(LaminaNetwork network, Path directory) throws IOException {
        write(network, null, directory);
    }

    /**
     * Like {@link #write(LaminaNetwork, Path)}, with {@code summary} (for example the generated network's
     * {@code SUMMARY}, or {@code TrainingJob.summary()}) in the header of {@code model.py}; {@code null}
     * for a summary computed from the network.
     */
    /**
     * Like {@link #write(LaminaNetwork, String, Path)}, and {@value #PREPROCESS}: the data's fitted
     * preprocessing in PyTorch, so {@code model(preprocess(raw))} predicts from raw input as Lamina does.
     */
    public static void write(LaminaNetwork network, String summary, Path directory, Preprocessing<?> preprocessing)
            throws IOException {
        byte[] source = PythonPreprocessing.render(network.name(), moduleClassName(network), preprocessing)
                .getBytes(StandardCharsets.UTF_8);
        write(network, summary, directory);
        AtomicFiles.write(directory.resolve(PREPROCESS), out -> out.write(source));
    }

    public static void write(LaminaNetwork network, String summary, Path directory) throws IOException {
        // Generate first: a network that cannot be exported leaves the directory untouched.
        byte[] source = modelSource(network, summary).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(directory);
        network.save(directory.resolve(WEIGHTS));
        AtomicFiles.write(directory.resolve(MODEL), out -> out.write(source));
    }

    /** The text of {@value #MODEL} for {@code network}, with {@code summary} or, if null, a computed one. */
    public static String modelSource(LaminaNetwork network, String summary) {
        NetworkSpec spec = network.architecture().spec();
        return PythonModelSource.render(spec, summary != null ? summary : NetworkSummary.render(spec));
    }

    /** The name of the network's class in {@value #MODEL}: the network's name, made a Python identifier. */
    public static String moduleClassName(LaminaNetwork network) {
        return PythonModelSource.networkClass(network.architecture().spec());
    }

    /**
     * Exports a graph network: {@value #WEIGHTS} exactly as {@link GraphNetwork#save} writes it and {@value
     * #MODEL}, a module with one submodule per node whose {@code forward} takes the inputs (in the graph's
     * order) and spells out the wiring ({@code joint = self.joint(torch.cat([fp, desc], dim=1))}, {@code
     * block1 = stem + self.block1(stem)}). It returns the output tensor, or with several outputs a dict from
     * output name to tensor in the graph's order. The {@code state_dict} names are the file's, so loading is
     * strict. Each file is written atomically.
     */
    public static void write(GraphNetwork network, Path directory) throws IOException {
        byte[] source = modelSource(network.spec()).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(directory);
        network.save(directory.resolve(WEIGHTS));
        AtomicFiles.write(directory.resolve(MODEL), out -> out.write(source));
    }

    /** The text of {@value #MODEL} for a graph. */
    public static String modelSource(GraphSpec graph) {
        return PythonGraphSource.render(graph);
    }

    /** The name of the graph network's class in {@value #MODEL}. */
    public static String moduleClassName(GraphSpec graph) {
        return PythonGraphSource.networkClass(graph);
    }
}
