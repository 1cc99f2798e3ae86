package dev.lamina.benchmarks;

import dev.lamina.runtime.train.MemoryProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory per configuration: Linux keeps one high-water mark (VmHWM) per
 * process, and writing {@code 5} to {@code /proc/self/clear_refs} resets it to the current resident size,
 * so each configuration's peak starts from what the JVM already holds (engine, data on the heap).
 */
final class PeakMemory {

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {}

    /** Starts a new peak; without {@code clear_refs} the peak stays the process's peak so far. */
    static void reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // Not Linux, or not allowed: the number reported is then the process's peak since start.
        }
    }

    /** Peak resident set size in MB since the last {@link #reset()}. */
    static double megabytes() {
        return MemoryProbe.peakResidentMegabytes();
    }
}
