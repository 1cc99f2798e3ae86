package dev.lamina.runtime.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;

import dev.lamina.dsl.Loss;
import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.ArchitectureJson;
import dev.lamina.runtime.LaminaVersion;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.data.PreprocessingKind;
import dev.lamina.runtime.io.ParameterFileException;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.spec.contract.ModelFileName;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A model file: one safetensors file with the weights a run chose and, in its {@code __metadata__},
 * everything needed to predict from raw input: the architecture, the fitted preprocessing, the loss (which
 * says what the outputs mean), the chosen epoch's metrics, the Lamina version and a SHA-256 of the weights.
 * Any safetensors reader (PyTorch's included) reads the weights; Lamina reads the rest.
 *
 * <p>Metadata keys, all strings: {@value #FORMAT} = {@value #FORMAT_NAME}, {@code lamina.format_version},
 * {@code lamina.network}, {@code lamina.version}, {@code lamina.architecture} (JSON), {@code
 * lamina.preprocessing} (JSON: kind and parameters), {@code lamina.loss}, {@code lamina.outputs} (JSON, what
 * the outputs mean: {@code {"kind": "classes" | "binary" | "regression", "names": [...]}}, see {@link
 * ModelOutputs}), {@code lamina.weights} (which weights: {@code best} or {@code last}), {@code lamina.epoch},
 * {@code lamina.metrics} (JSON), {@code lamina.weights_sha256}. A file written before {@code lamina.outputs}
 * existed reads as unnamed outputs of the kind its loss predicts.
 */
public final class ModelFile {

    /** The metadata key that marks a model file, and its value. */
    public static final String FORMAT = "lamina.format";
    public static final String FORMAT_NAME = "lamina-model";
    static final String FORMAT_VERSION = "lamina.format_version";
    static final String NETWORK = "lamina.network";
    static final String VERSION = "lamina.version";
    static final String ARCHITECTURE = "lamina.architecture";
    static final String PREPROCESSING = "lamina.preprocessing";
    static final String LOSS = "lamina.loss";
    /** The metadata key of what the outputs mean, {@link ModelOutputs} as JSON. */
    public static final String OUTPUTS = "lamina.outputs";
    static final String WEIGHTS = "lamina.weights";
    static final String EPOCH = "lamina.epoch";
    static final String METRICS = "lamina.metrics";
    static final String WEIGHTS_SHA256 = "lamina.weights_sha256";

    /** The file name a run gives its model: {@code MnistMlp.lamina.safetensors}. */
    public static String fileName(String networkName) {
        return ModelFileName.of(networkName);
    }

    private static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .disableHtmlEscaping()
            .create();

    private ModelFile() {}

    /** What a model file holds, read and checked. */
    public record Contents(
            Architecture architecture,
            Preprocessing<?> preprocessing,
            Loss loss,
            ModelOutputs outputs,
            String weights,
            int epoch,
            Map<String, Object> metrics,
            String laminaVersion,
            String weightsSha256,
            Map<String, SafeTensors.Tensor> tensors) {}

    /** Writes a model file whose outputs are unnamed, atomically; see {@link #write(Path, Architecture,
     * Preprocessing, Loss, List, String, int, Map, Map)}. */
    public static void write(Path file, Architecture architecture, Preprocessing<?> preprocessing, Loss loss,
            String weights, int epoch, Map<String, Object> metrics, Map<String, SafeTensors.Tensor> tensors)
            throws IOException {
        write(file, architecture, preprocessing, loss, List.of(), weights, epoch, metrics, tensors);
    }

    /**
     * Writes a model file, atomically.
     *
     * @param outputNames the name of each output, or none: the class names of a classifier whose labels were
     *     text, the task names of yes/no tasks, the target names of a regression
     * @param weights which weights these are: {@code best} or {@code last}
     * @param metrics the numbers of {@code epoch}, as metrics.json names them
     * @throws IllegalArgumentException if the names are not one per output, or not usable names ({@link
     *     ModelOutputs})
     */
    public static void write(Path file, Architecture architecture, Preprocessing<?> preprocessing, Loss loss,
            List<String> outputNames, String weights, int epoch, Map<String, Object> metrics,
            Map<String, SafeTensors.Tensor> tensors) throws IOException {
        ModelOutputs outputs = ModelOutputs.of(loss, architecture.spec().output().size(), outputNames);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT, FORMAT_NAME);
        metadata.put(FORMAT_VERSION, "1");
        metadata.put(NETWORK, architecture.name());
        metadata.put(VERSION, LaminaVersion.get());
        metadata.put(ARCHITECTURE, ArchitectureJson.write(architecture));
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("kind", preprocessing.kind());
        described.put("parameters", preprocessing.parameters());
        metadata.put(PREPROCESSING, GSON.toJson(described));
        metadata.put(LOSS, loss.name());
        metadata.put(OUTPUTS, outputs.toJson());
        metadata.put(WEIGHTS, weights);
        metadata.put(EPOCH, Integer.toString(epoch));
        metadata.put(METRICS, GSON.toJson(metrics));
        metadata.put(WEIGHTS_SHA256, sha256(tensors));
        SafeTensors.write(file, metadata, tensors);
    }

    /**
     * Reads and checks a model file: that it is one (not a checkpoint or a bare parameter file), that its
     * architecture, preprocessing and weights agree, and that the weights match their SHA-256.
     *
     * @throws ModelFileException saying what the file is and what to pass instead
     * @throws ParameterFileException if it is not a readable safetensors file
     */
    public static Contents read(Path file) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(file);
        SafeTensors.requireFinite(file, contents.tensors());
        Map<String, String> metadata = contents.metadata();
        if (!FORMAT_NAME.equals(metadata.get(FORMAT))) {
            throw new ModelFileException(file + " is " + WhatFileIs.describe(metadata) + ", not a Lamina model file;"
                    + " pass the model a run writes, <run folder>/" + fileName(metadata.getOrDefault(NETWORK, "<Network>")));
        }
        if (!"1".equals(metadata.get(FORMAT_VERSION))) {
            throw new ModelFileException(file + " is a model file of format version " + metadata.get(FORMAT_VERSION)
                    + ", written by Lamina " + metadata.get(VERSION) + "; this Lamina (" + LaminaVersion.get()
                    + ") reads version 1");
        }
        try {
            Architecture architecture = ArchitectureJson.read(required(metadata, ARCHITECTURE));
            Preprocessing<?> preprocessing = preprocessing(required(metadata, PREPROCESSING));
            long features = architecture.spec().input().size();
            if (preprocessing.featureCount() != features) {
                throw new IllegalArgumentException("its preprocessing makes " + preprocessing.featureCount()
                        + " features, but the network takes " + features);
            }
            Loss loss = Loss.valueOf(required(metadata, LOSS));
            long width = architecture.spec().output().size();
            String outputsJson = metadata.get(OUTPUTS);
            ModelOutputs outputs = outputsJson == null
                    ? ModelOutputs.of(loss, width, List.of())
                    : ModelOutputs.fromJson(outputsJson, loss, width);
            String expectedSha = required(metadata, WEIGHTS_SHA256);
            String actualSha = sha256(contents.tensors());
            if (!expectedSha.equals(actualSha)) {
                throw new IllegalArgumentException("its weights do not match their SHA-256 (the file was changed or"
                        + " damaged after it was written)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = GSON.fromJson(required(metadata, METRICS), Map.class);
            return new Contents(architecture, preprocessing, loss, outputs, required(metadata, WEIGHTS),
                    Integer.parseInt(required(metadata, EPOCH)), metrics, required(metadata, VERSION), actualSha,
                    contents.tensors());
        } catch (IllegalArgumentException | JsonParseException e) {
            throw new ModelFileException("the model file " + file + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("its metadata has no " + key);
        }
        return value;
    }

    private static Preprocessing<?> preprocessing(String json) {
        Object tree = GSON.fromJson(json, Object.class);
        if (!(tree instanceof Map<?, ?> map) || !(map.get("kind") instanceof String kind)
                || !(map.get("parameters") instanceof Map<?, ?> parameters)) {
            throw new IllegalArgumentException("its preprocessing is not {\"kind\": ..., \"parameters\": {...}}");
        }
        Map<String, PreprocessingKind> kinds = new HashMap<>();
        ServiceLoader.load(PreprocessingKind.class, ModelFile.class.getClassLoader())
                .forEach(known -> kinds.put(known.kind(), known));
        PreprocessingKind reader = kinds.get(kind);
        if (reader == null) {
            throw new IllegalArgumentException("its preprocessing is of kind '" + kind + "', which needs a module"
                    + " that is not on the class path (known kinds: " + kinds.keySet() + "; molecule models need"
                    + " dev.lamina:lamina-chem)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) parameters;
        try {
            return reader.read(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its " + kind + " preprocessing: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of every tensor's name, shape and little-endian float32 data, in name order. */
    static String sha256(Map<String, SafeTensors.Tensor> tensors) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (String name : new java.util.TreeSet<>(tensors.keySet())) {
            SafeTensors.Tensor tensor = tensors.get(name);
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            ByteBuffer shape = ByteBuffer.allocate(8 * tensor.shape().length).order(ByteOrder.LITTLE_ENDIAN);
            for (long dimension : tensor.shape()) {
                shape.putLong(dimension);
            }
            digest.update(shape.array());
            ByteBuffer data = ByteBuffer.allocate(4 * tensor.data().length).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(tensor.data());
            digest.update(data.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
