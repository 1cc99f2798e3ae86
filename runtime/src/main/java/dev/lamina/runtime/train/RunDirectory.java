package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;

import com.google.gson.GsonBuilder;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.train.optim.Optimizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The folder a run writes: {@code best.safetensors} and {@code last.safetensors} (parameters),
 * {@code checkpoint.safetensors} (parameters, optimizer state and progress, to resume), {@code
 * history.csv}, {@code metrics.json} and {@code summary.txt}. Every file is written atomically.
 */
final class RunDirectory {

    static final String BEST = "best.safetensors";
    static final String LAST = "last.safetensors";
    static final String CHECKPOINT = "checkpoint.safetensors";
    static final String HISTORY = "history.csv";
    static final String METRICS = "metrics.json";
    static final String SUMMARY = "summary.txt";

    private static final String OPTIMIZER_PREFIX = "optimizer/";

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates the folder if needed and proves it is writable, before any training time is spent.
     *
     * @throws TrainingException naming the folder if it cannot be written
     */
    static RunDirectory prepare(Path path) {
        try {
            Files.createDirectories(path);
            Path probe = Files.createTempFile(path, ".write-test", ".tmp");
            Files.delete(probe);
            removeUnfinishedWrites(path);
        } catch (IOException | SecurityException e) {
            throw new TrainingException("cannot write the run folder " + path.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another output directory",
                    e);
        }
        return new RunDirectory(path);
    }

    /**
     * Deletes the temporary files of writes a killed run never finished ({@code .<name>.*.partial}); the
     * files they were meant to replace are intact, since every write is atomic.
     */
    private static void removeUnfinishedWrites(Path path) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(path)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".partial")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    Path path() {
        return path;
    }

    Path file(String name) {
        return path.resolve(name);
    }

    void writeSummary(String summary) throws IOException {
        byte[] bytes = summary.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file(SUMMARY), out -> out.write(bytes));
    }

    void writeParameters(String name, LaminaNetwork network) throws IOException {
        network.save(file(name));
    }

    /** Progress a resumed run continues from. */
    record Progress(int completedEpochs, long optimizerSteps, double bestValue, int bestEpoch, int staleEpochs) {}

    void writeCheckpoint(LaminaNetwork network, Optimizer optimizer, Progress progress) throws IOException {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>(network.parameterTensors());
        for (Map.Entry<String, NDArray> state : optimizer.state().entrySet()) {
            NDArray array = state.getValue();
            tensors.put(OPTIMIZER_PREFIX + state.getKey(),
                    new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray()));
        }
        Map<String, String> metadata = new LinkedHashMap<>(network.fileMetadata());
        metadata.put("completed_epochs", Integer.toString(progress.completedEpochs()));
        metadata.put("optimizer_steps", Long.toString(progress.optimizerSteps()));
        metadata.put("best_value", Double.toString(progress.bestValue()));
        metadata.put("best_epoch", Integer.toString(progress.bestEpoch()));
        metadata.put("stale_epochs", Integer.toString(progress.staleEpochs()));
        SafeTensors.write(file(CHECKPOINT), metadata, tensors);
    }

    /**
     * Restores parameters and optimizer state from the checkpoint.
     *
     * @throws TrainingException if there is no checkpoint to resume from
     */
    Progress restoreCheckpoint(LaminaNetwork network, Optimizer optimizer) throws IOException {
        Path checkpoint = file(CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            throw new TrainingException("cannot resume: there is no checkpoint " + checkpoint.toAbsolutePath()
                    + "; train without resume first");
        }
        SafeTensors.Contents contents = SafeTensors.read(checkpoint);
        Map<String, SafeTensors.Tensor> parameters = new LinkedHashMap<>();
        Map<String, float[]> state = new LinkedHashMap<>();
        contents.tensors().forEach((name, tensor) -> {
            if (name.startsWith(OPTIMIZER_PREFIX)) {
                state.put(name.substring(OPTIMIZER_PREFIX.length()), tensor.data());
            } else {
                parameters.put(name, tensor);
            }
        });
        network.restore(checkpoint, contents.metadata(), parameters);
        Map<String, String> meta = contents.metadata();
        Progress progress = new Progress(
                Integer.parseInt(meta.get("completed_epochs")),
                Long.parseLong(meta.get("optimizer_steps")),
                Double.parseDouble(meta.get("best_value")),
                Integer.parseInt(meta.get("best_epoch")),
                Integer.parseInt(meta.get("stale_epochs")));
        optimizer.restore(state, progress.optimizerSteps());
        return progress;
    }

    void writeMetrics(Map<String, Object> metrics) throws IOException {
        byte[] bytes = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create()
                .toJson(metrics).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file(METRICS), out -> out.write(bytes));
    }
}
