package dev.lamina.runtime.data;

import java.nio.file.Path;

/**
 * Loads each file named on the command line with the loader named before it ({@code csv}, {@code mnist} or
 * {@code idx}) and prints one line per file: the row count, or the error. Run in a JVM with a small heap, so
 * that a loader that allocates what a file claims rather than what it holds fails with OutOfMemoryError.
 */
public final class HostileDataMain {

    private HostileDataMain() {}

    public static void main(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            Path file = Path.of(args[i + 1]);
            try {
                Dataset data = switch (args[i]) {
                    case "csv" -> DelimitedText.csv().withHeader(false).label(0).load(file);
                    case "mnist" -> MnistCsv.load(file);
                    case "idx" -> MnistIdx.load(file, file);
                    default -> throw new IllegalArgumentException(args[i]);
                };
                System.out.println(file.getFileName() + " loaded " + data.size() + " rows");
            } catch (Exception | Error e) {
                System.out.println(file.getFileName() + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
