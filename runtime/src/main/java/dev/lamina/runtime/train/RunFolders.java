package dev.lamina.runtime.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A network's runs, kept side by side as Lightning keeps {@code version_N}: {@code <output>/<Network>/run_1},
 * {@code run_2}, ..., each run in a new folder, so a quick run never replaces yesterday's. {@code latest}
 * points at the newest (a symbolic link, and {@code latest.txt} naming it where links are not allowed), for
 * scripts and for {@code --resume}.
 */
final class RunFolders {

    static final String LATEST = "latest";
    static final String LATEST_FILE = "latest.txt";
    private static final Pattern RUN = Pattern.compile("run_(\\d{1,9})");

    private RunFolders() {}

    /**
     * Creates the next run folder. Concurrent runs get different folders: creating a directory is atomic, and
     * a number taken by another process is skipped.
     */
    static Path next(Path networkFolder) throws IOException {
        Files.createDirectories(networkFolder);
        int number = highest(networkFolder).orElse(0) + 1;
        while (true) {
            Path run = networkFolder.resolve("run_" + number);
            try {
                Files.createDirectory(run);
                pointLatest(networkFolder, run);
                return run;
            } catch (FileAlreadyExistsException taken) {
                number++;
            }
        }
    }

    /**
     * The newest run, to resume.
     *
     * @throws TrainingException if the network has no run yet
     */
    static Path latest(Path networkFolder, String networkName) throws IOException {
        Path file = networkFolder.resolve(LATEST_FILE);
        if (Files.isRegularFile(file)) {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (RUN.matcher(name).matches() && Files.isDirectory(networkFolder.resolve(name))) {
                return networkFolder.resolve(name);
            }
        }
        OptionalInt highest = Files.isDirectory(networkFolder) ? highest(networkFolder) : OptionalInt.empty();
        if (highest.isEmpty()) {
            throw new TrainingException("nothing to resume: " + networkName + " has no run in "
                    + networkFolder.toAbsolutePath() + "; train without resume first");
        }
        return networkFolder.resolve("run_" + highest.getAsInt());
    }

    private static OptionalInt highest(Path networkFolder) throws IOException {
        try (Stream<Path> entries = Files.list(networkFolder)) {
            return entries.map(path -> RUN.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)))
                    .max();
        }
    }

    /** Points {@code latest} at {@code run}, replacing the old pointer atomically. */
    private static void pointLatest(Path networkFolder, Path run) throws IOException {
        String name = run.getFileName().toString();
        Path text = networkFolder.resolve("." + LATEST_FILE + ".partial");
        Files.writeString(text, name + "\n", StandardCharsets.UTF_8);
        Files.move(text, networkFolder.resolve(LATEST_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Path link = networkFolder.resolve("." + LATEST + ".partial");
        try {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(name));
            Files.move(link, networkFolder.resolve(LATEST), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (UnsupportedOperationException | IOException noLinks) {
            // Some file systems allow no symbolic links; latest.txt names the run there.
            Files.deleteIfExists(link);
        }
    }
}
