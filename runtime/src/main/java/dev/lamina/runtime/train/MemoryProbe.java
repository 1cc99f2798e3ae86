package dev.lamina.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory, Java heap and native tensors together, from {@code /proc/self/status}
 * (Linux). NaN where that file does not exist.
 */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");

    private MemoryProbe() {}

    /** Current resident set size in MB. */
    public static double residentMegabytes() {
        return read("VmRSS:");
    }

    /** Peak resident set size in MB. */
    public static double peakResidentMegabytes() {
        return read("VmHWM:");
    }

    private static double read(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    String kilobytes = line.substring(field.length()).replace("kB", "").trim();
                    return Long.parseLong(kilobytes) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or an unexpected format: the number is informational only.
        }
        return Double.NaN;
    }
}
