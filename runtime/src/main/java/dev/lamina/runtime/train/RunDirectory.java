package dev.lamina.runtime.train;

import ai.djl.ndarray.NDArray;

import com.google.gson.GsonBuilder;

import dev.lamina.runtime.ExpectedTensors;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.io.AtomicFiles;
import dev.lamina.runtime.io.ParameterFileException;
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
 * {@code checkpoint.safetensors} (parameters, optimizer state, progress and callback states, to resume), {@code
 * history.csv}, {@code metrics.json} and {@code summary.txt}. Every file is written atomically.
 */
final class RunDirectory implements AutoCloseable {

    static final String BEST = "best.safetensors";
    static final String LAST = "last.safetensors";
    static final String CHECKPOINT = "checkpoint.safetensors";
    static final String HISTORY = "history.csv";
    static final String METRICS = "metrics.json";
    static final String SUMMARY = "summary.txt";

    private static final String OPTIMIZER_PREFIX = "optimizer/";
    private static final String COMPLETED_EPOCHS = "completed_epochs";
    private static final String OPTIMIZER_STEPS = "optimizer_steps";
    /** Metadata keys {@code callback/<stateKey>/<key>} hold the callbacks' states. */
    private static final String CALLBACK_PREFIX = "callback/";

    private final Path path;
    private final RunLock lock;

    private RunDirectory(Path path, RunLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /**
     * The folder of a new run of the network ({@link RunFolders}), or with {@code resume} its latest run's,
     * locked for this run and proven writable before any training time is spent.
     *
     * @throws TrainingException naming the folder if it cannot be written, another run holds it, or there is
     *     nothing to resume
     */
    static RunDirectory prepare(Path networkFolder, String networkName, boolean resume) {
        Path path = networkFolder;
        try {
            path = resume ? RunFolders.latest(networkFolder, networkName) : RunFolders.next(networkFolder);
            return lock(path);
        } catch (IOException | SecurityException e) {
            throw new TrainingException("cannot write the run folder " + path.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another output directory",
                    e);
        }
    }

    /** Exactly {@code folder} as the run's folder, created if missing: one seed of a repeated run. */
    static RunDirectory prepareAt(Path folder) {
        try {
            Files.createDirectories(folder);
            return lock(folder);
        } catch (IOException | SecurityException e) {
            throw new TrainingException("cannot write the run folder " + folder.toAbsolutePath() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); choose another output directory",
                    e);
        }
    }

    private static RunDirectory lock(Path path) throws IOException {
        Path probe = Files.createTempFile(path, ".write-test", ".tmp");
        Files.delete(probe);
        RunLock lock = RunLock.take(path);
        removeUnfinishedWrites(path);
        return new RunDirectory(path, lock);
    }

    /** Releases the run folder for other runs. */
    @Override
    public void close() throws IOException {
        lock.close();
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

    /**
     * Where a resumed run continues from: the epochs and optimizer steps done, and each callback's state by
     * its {@link TrainingCallback#stateKey()}.
     */
    record Checkpoint(int completedEpochs, long optimizerSteps, Map<String, Map<String, String>> callbackStates) {

        /** The state saved for {@code key}, or an empty map. */
        Map<String, String> stateOf(String key) {
            return callbackStates.getOrDefault(key, Map.of());
        }
    }

    void writeCheckpoint(LaminaNetwork network, Optimizer optimizer, Checkpoint checkpoint) throws IOException {
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>(network.parameterTensors());
        for (Map.Entry<String, NDArray> state : optimizer.state().entrySet()) {
            NDArray array = state.getValue();
            tensors.put(OPTIMIZER_PREFIX + state.getKey(),
                    new SafeTensors.Tensor(array.getShape().getShape(), array.toFloatArray()));
        }
        Map<String, String> metadata = new LinkedHashMap<>(network.fileMetadata());
        metadata.put(COMPLETED_EPOCHS, Integer.toString(checkpoint.completedEpochs()));
        metadata.put(OPTIMIZER_STEPS, Long.toString(checkpoint.optimizerSteps()));
        checkpoint.callbackStates().forEach((callback, state) -> state.forEach(
                (key, value) -> metadata.put(CALLBACK_PREFIX + callback + "/" + key, value)));
        SafeTensors.write(file(CHECKPOINT), metadata, tensors);
    }

    /**
     * Restores parameters and optimizer state from the checkpoint, and reads the progress and callback
     * states for the trainer to hand out.
     *
     * @throws TrainingException if there is no checkpoint to resume from
     */
    Checkpoint restoreCheckpoint(LaminaNetwork network, Optimizer optimizer) throws IOException {
        Path checkpoint = file(CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) {
            throw new TrainingException("cannot resume: there is no checkpoint " + checkpoint.toAbsolutePath()
                    + "; train without resume first");
        }
        // Only what this network and optimizer hold is read: a checkpoint cannot make the run allocate more.
        Map<String, long[]> optimizerShapes = new LinkedHashMap<>();
        optimizer.state().forEach((name, array) -> optimizerShapes.put(name, array.getShape().getShape()));
        SafeTensors.Contents contents;
        try {
            contents = SafeTensors.read(
                    checkpoint, ExpectedTensors.withExtra(checkpoint, network, OPTIMIZER_PREFIX, optimizerShapes));
        } catch (ParameterFileException noOptimizerState) {
            // A parameter file copied over the checkpoint has the network's tensors and no progress: say that,
            // rather than that an optimizer tensor is missing.
            SafeTensors.Contents parametersOnly;
            try {
                parametersOnly = SafeTensors.read(checkpoint, ExpectedTensors.parametersOf(checkpoint, network));
            } catch (IOException | RuntimeException notThatEither) {
                throw noOptimizerState;
            }
            progress(checkpoint, parametersOnly.metadata(), COMPLETED_EPOCHS);
            throw noOptimizerState;
        }
        SafeTensors.requireFinite(checkpoint, contents.tensors());
        int completedEpochs = (int) progress(checkpoint, contents.metadata(), COMPLETED_EPOCHS);
        long optimizerSteps = progress(checkpoint, contents.metadata(), OPTIMIZER_STEPS);
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
        Checkpoint restored = new Checkpoint(completedEpochs, optimizerSteps, callbackStates(meta));
        try {
            optimizer.restore(state, restored.optimizerSteps());
        } catch (IllegalArgumentException e) {
            throw new TrainingException("cannot resume from " + checkpoint.toAbsolutePath() + ": " + e.getMessage()
                    + "; resume with the optimizer of the run that wrote it, or train without resume to start over",
                    e);
        }
        return restored;
    }

    /**
     * A progress count from the checkpoint's metadata. A parameter file copied over the checkpoint (best or
     * last.safetensors, or network.save) loads as parameters but has no progress: say so, rather than fail
     * parsing a missing number.
     */
    private static long progress(Path checkpoint, Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        try {
            long count = Long.parseLong(value == null ? "" : value.trim());
            if (count >= 0 && (!key.equals(COMPLETED_EPOCHS) || count <= Integer.MAX_VALUE)) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Reported below, with what the file is and what to do.
        }
        throw new TrainingException("cannot resume from " + checkpoint.toAbsolutePath() + ": it holds "
                + (value == null ? "no training progress (no '" + key + "' in its metadata)"
                        : "'" + key + "' = '" + value + "', not a count")
                + ", so it is not a checkpoint a Lamina run wrote; a parameter file such as last.safetensors"
                + " copied over it looks like this. Put back the run's own checkpoint.safetensors, or train"
                + " without resume to start over (to start from saved parameters, load them into the network"
                + " in code)");
    }

    private static Map<String, Map<String, String>> callbackStates(Map<String, String> metadata) {
        Map<String, Map<String, String>> states = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            if (name.startsWith(CALLBACK_PREFIX)) {
                String rest = name.substring(CALLBACK_PREFIX.length());
                int slash = rest.lastIndexOf('/');
                if (slash > 0) {
                    states.computeIfAbsent(rest.substring(0, slash), k -> new LinkedHashMap<>())
                            .put(rest.substring(slash + 1), value);
                }
            }
        });
        // Checkpoints from before callbacks kept the best epoch's tracking at the top level; the best
        // parameters and early stopping both tracked it, with the same monitor.
        if (states.isEmpty() && metadata.containsKey("best_value")) {
            Map<String, String> legacy = new LinkedHashMap<>();
            for (String key : new String[] {"best_value", "best_epoch", "stale_epochs"}) {
                legacy.put(key, metadata.get(key));
            }
            states.put("best_parameters", legacy);
            states.put("early_stopping", legacy);
        }
        return states;
    }

    void writeMetrics(RunMetrics metrics) throws IOException {
        byte[] bytes = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create()
                .toJson(metrics.toJsonMap()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file(METRICS), out -> out.write(bytes));
    }
}
