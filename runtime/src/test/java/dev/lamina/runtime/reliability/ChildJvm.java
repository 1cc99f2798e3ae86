package dev.lamina.runtime.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts a class of the test class path in a JVM of its own, the way a user's trainer runs: the test JVM's
 * {@code java}, its class path (optionally with entries left out), output to files so that a child that
 * writes a lot never blocks on a full pipe.
 */
final class ChildJvm {

    private ChildJvm() {}

    /** The test class path; Surefire sets {@code java.class.path} to it even when it boots from a manifest jar. */
    static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /** The test class path without the entries whose path contains {@code fragment}. */
    static String testClasspathWithout(String fragment) {
        return Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(entry -> !entry.contains(fragment))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java [jvmArgs] -cp classpath main args}. */
    static List<String> command(String classpath, List<String> jvmArgs, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // One intra-op thread, like the trainer's default on a 2-core machine; a quick start for short runs.
        command.add("-Dai.djl.pytorch.num_threads=1");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code command} with standard output and standard error going to {@code out} and {@code err}. */
    static Process start(List<String> command, Path out, Path err, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        applyEnvironment(builder, environment);
        return builder.start();
    }

    /** Sets the variables of {@code environment} for the child; a {@code null} value removes the variable. */
    private static void applyEnvironment(ProcessBuilder builder, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
    }

    /** A finished child: its exit code and everything it printed. */
    record Result(int exitCode, String out, String err) {
        String both() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    /** Runs {@code command} to the end (at most {@code timeoutSeconds}), in {@code directory}. */
    static Result run(List<String> command, Path directory, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = directory.resolve("child.out");
        Path err = directory.resolve("child.err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        applyEnvironment(builder, environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("the child JVM did not finish in " + timeoutSeconds + " s: " + command
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8)
                        + "\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
        } finally {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Files the HotSpot JVM writes when it crashes (SIGSEGV, SIGABRT in native code). */
    static List<Path> crashLogs(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
        }
    }
}
