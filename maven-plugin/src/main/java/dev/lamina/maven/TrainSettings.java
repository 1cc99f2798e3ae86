package dev.lamina.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The goal's overrides, checked before anything is forked: a wrong value fails the build with one message
 * instead of a stack trace from the child. Unset values leave the network's {@code @Train} settings alone.
 */
record TrainSettings(
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        String device,
        Integer threads,
        Integer seed,
        Integer limit,
        String split,
        String seeds,
        boolean resume,
        boolean progress,
        Path outputDirectory) {

    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu|gpu:\\d+");
    private static final Pattern SPLIT = Pattern.compile("random|stratified|scaffold", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEEDS = Pattern.compile("-?\\d{1,9}(,-?\\d{1,9}){0,99}");

    void validate() throws MojoFailureException {
        atLeast("lamina.epochs", epochs, 1);
        atLeast("lamina.batchSize", batchSize, 1);
        atLeast("lamina.threads", threads, 1);
        atLeast("lamina.limit", limit, 1);
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new MojoFailureException("lamina.learningRate must be a positive number, was " + learningRate);
        }
        if (device != null && !DEVICE.matcher(device.trim()).matches()) {
            throw new MojoFailureException("unknown lamina.device '" + device + "': use auto, cpu, gpu or gpu:<index>");
        }
        if (split != null && !SPLIT.matcher(split.trim()).matches()) {
            throw new MojoFailureException("unknown lamina.split '" + split + "': use random, stratified or scaffold");
        }
        if (seeds != null && !SEEDS.matcher(seeds.replace(" ", "")).matches()) {
            throw new MojoFailureException("lamina.seeds must be whole numbers separated by commas (1,2,3), was '"
                    + seeds + "'");
        }
        checkWritable(outputDirectory);
    }

    private static void atLeast(String name, Integer value, int minimum) throws MojoFailureException {
        if (value != null && value < minimum) {
            throw new MojoFailureException(name + " must be at least " + minimum + ", was " + value);
        }
    }

    private static void checkWritable(Path directory) throws MojoFailureException {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".lamina-write-test", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new MojoFailureException("cannot write the output directory " + directory + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); set lamina.outputDirectory to a"
                    + " writable folder", e);
        }
    }

    /** The trainer's command-line options for these settings. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        add(args, "--epochs", epochs);
        add(args, "--batch-size", batchSize);
        add(args, "--lr", learningRate);
        add(args, "--device", device == null ? null : device.trim());
        add(args, "--threads", threads);
        add(args, "--seed", seed);
        add(args, "--limit", limit);
        add(args, "--split", split == null ? null : split.trim().toUpperCase(java.util.Locale.ROOT));
        add(args, "--seeds", seeds == null ? null : seeds.replace(" ", ""));
        add(args, "--output", outputDirectory);
        if (resume) {
            args.add("--resume");
        }
        if (!progress) {
            args.add("--no-progress");
        }
        return args;
    }

    private static void add(List<String> args, String option, Object value) {
        if (value != null) {
            args.add(option);
            args.add(value.toString());
        }
    }
}
