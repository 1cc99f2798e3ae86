package dev.lamina.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs a trainer in its own JVM: PyTorch's native libraries load once per JVM (a second class loader in
 * Maven's JVM would fail), and a native crash must not take Maven down. The child shares the terminal, so
 * its progress bar shows; Ctrl-C on Maven ends the child (its files are written atomically, so the last
 * good checkpoint stays).
 */
final class ForkedTraining {

    /**
     * glibc settings for libtorch, which allocates and frees buffers of up to a few MB every step. By
     * default glibc serves blocks above 128 KB with fresh mmaps and returns freed memory at the top of the
     * heap to the kernel, so each step faults the same pages in again (measured: a CNN epoch 22% slower, a
     * resident size that saws up and down). Blocks up to 32 MB (glibc's largest allowed threshold) come
     * from the heap instead, and freed memory is kept for the next step.
     *
     * <p>That keeps the main arena, but libtorch allocates from the JVM's threads, which glibc serves from
     * other arenas: heaps of 64 MB that glibc unmaps as soon as one is empty, whatever the trim threshold.
     * Each evaluation chunk of the MNIST CNNs emptied and refilled them, about 600,000 page faults per
     * epoch (23 s instead of 12 s). A 64 MB top pad keeps those heaps mapped.
     */
    static final Map<String, String> NATIVE_MEMORY_ENVIRONMENT = Map.of(
            "MALLOC_MMAP_THRESHOLD_", "33554432",
            "MALLOC_TRIM_THRESHOLD_", "4294967295",
            "MALLOC_TOP_PAD_", "67108864");

    /**
     * JVM options placed before the user's {@code lamina.jvmArgs} (the JVM takes the last occurrence, so
     * the user's win). G1 otherwise keeps growing the young generation during the first epochs and
     * touches new heap pages as it goes: the resident size of the MNIST example grew 11% from epoch 2 to
     * 10 while the committed heap stayed the same. A fixed 64 MB young generation (training makes little
     * garbage per step, about 20 collections a run) and a heap touched once at start-up keep it within
     * 0.1% (measured: 1,133.6 to 1,134.3 MB).
     *
     * <p>The training data stays on the Java heap (MNIST: 220 MB), above G1's threshold for concurrent
     * marking, so every other young collection starts a marking cycle, and after each one G1 grows the
     * heap until 40% of it is free ({@code MinHeapFreeRatio}); a single young pause that the VM stretches
     * to 150-270 ms also made it grow the heap (by {@code GCTimeRatio}). Each growth is touched at once:
     * 4 of 7 runs of the MNIST example grew 16-116 MB within the run. With growth only when 10% is left and
     * a higher tolerance for pauses, the heap stayed at its starting size through every collection.
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmn64m", "-XX:+AlwaysPreTouch",
            "-XX:MinHeapFreeRatio=10", "-XX:GCTimeRatio=4");

    /**
     * DJL loads native code through JNA, a restricted method since JDK 24: without this option every run
     * on JDK 24 and newer begins with a four-line warning the user can do nothing about. The training JVM
     * exists to run native code, so it grants that on the command line (JDK 17 accepts the option too).
     */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private ForkedTraining() {}

    static void run(List<String> command, Path workingDirectory, Path failureFile)
            throws MojoExecutionException, MojoFailureException {
        run(command, workingDirectory, failureFile, "training");
    }

    /**
     * Runs the child JVM to its end, stopping it if Maven is stopped; {@code task} names what it does in the
     * messages ({@code training}, {@code scoring}).
     */
    static void run(List<String> command, Path workingDirectory, Path failureFile, String task)
            throws MojoExecutionException, MojoFailureException {
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).inheritIO();
            NATIVE_MEMORY_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
            child = builder.start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start the " + task + " JVM " + command.get(0) + ": " + e.getMessage(), e);
        }
        Thread stopChild = new Thread(() -> stop(child), "lamina-stop-training");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exit;
        try {
            exit = child.waitFor();
        } catch (InterruptedException e) {
            stop(child);
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while " + task + "; the " + task + " JVM was stopped", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already: it stops the child.
            }
        }
        if (exit != 0) {
            throw new MojoFailureException(failureMessage(failureFile, exit, task));
        }
    }

    /** Asks the child to exit (it finishes writing files atomically), then forces it. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.descendants().forEach(ProcessHandle::destroy);
        child.destroy();
        try {
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The child's own one-line reason, which it writes to the failure file before exiting. */
    private static String failureMessage(Path failureFile, int exit, String task) {
        try {
            if (Files.isRegularFile(failureFile)) {
                String message = Files.readString(failureFile, StandardCharsets.UTF_8).strip();
                if (!message.isEmpty()) {
                    return message;
                }
            }
        } catch (IOException e) {
            // Fall through to the generic message.
        }
        return task + " failed: the " + task + " JVM exited with code " + exit + "; its output above says why";
    }

    /** {@code java [native access] [default options] [jvmArgs] -cp <classpath> [properties] <main> [args]}. */
    static List<String> command(String javaExecutable, List<String> jvmArgs, String classpath, List<String> properties,
            String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.add(NATIVE_ACCESS);
        command.addAll(DEFAULT_JVM_OPTIONS);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.addAll(properties);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
