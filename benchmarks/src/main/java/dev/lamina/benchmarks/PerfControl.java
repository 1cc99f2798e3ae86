package dev.lamina.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Switches a surrounding {@code perf record -D -1 --control fifo:FILE} on for the timed epochs only, so
 * that a profile holds training and nothing of start-up, data loading or warm-up. {@code benchmarks/profile.sh}
 * sets {@value #ENVIRONMENT} to perf's control FIFO; without it, nothing happens.
 */
final class PerfControl {

    static final String ENVIRONMENT = "LAMINA_PERF_CONTROL";

    private PerfControl() {}

    static boolean active() {
        return System.getenv(ENVIRONMENT) != null;
    }

    static void enable() {
        command("enable");
    }

    static void disable() {
        command("disable");
    }

    private static void command(String command) {
        String fifo = System.getenv(ENVIRONMENT);
        if (fifo == null) {
            return;
        }
        try {
            Files.writeString(Path.of(fifo), command + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to perf's control FIFO " + fifo, e);
        }
    }
}
