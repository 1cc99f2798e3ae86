package dev.lamina.maven;

import dev.lamina.spec.contract.NetworkIndexEntry;
import dev.lamina.spec.contract.NetworkIndexFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The networks of a project, read from the index files Lamina's annotation processor writes into the
 * compiled classes ({@link NetworkIndexFiles#FOLDER}), so no project class has to be loaded into Maven's
 * JVM. The entries' format is the processor's and this plugin's shared {@link NetworkIndexEntry}.
 */
final class NetworkCatalog {

    private final List<NetworkIndexEntry> entries;
    private final Path classesDirectory;

    private NetworkCatalog(List<NetworkIndexEntry> entries, Path classesDirectory) {
        this.entries = entries;
        this.classesDirectory = classesDirectory;
    }

    static NetworkCatalog read(Path classesDirectory) throws MojoFailureException {
        Path folder = classesDirectory.resolve(NetworkIndexFiles.FOLDER);
        List<NetworkIndexEntry> entries = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(NetworkIndexFiles.ENTRY_SUFFIX)).sorted().toList()) {
                    entries.add(entry(file));
                }
            } catch (IOException e) {
                throw new MojoFailureException("cannot read Lamina's network index in " + folder + ": " + e.getMessage(), e);
            }
        }
        entries.sort(Comparator.comparing(NetworkIndexEntry::userClass));
        return new NetworkCatalog(entries, classesDirectory);
    }

    private static NetworkIndexEntry entry(Path file) throws IOException, MojoFailureException {
        try {
            return NetworkIndexEntry.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The network called {@code requested} (its simple class name, qualified class name or {@code @Network}
     * name), or the only one when nothing is requested.
     *
     * @throws MojoFailureException listing the networks there are when the choice is missing or ambiguous
     */
    NetworkIndexEntry choose(String requested) throws MojoFailureException {
        if (entries.isEmpty()) {
            throw new MojoFailureException("this project has no Lamina networks: no @Network class was compiled"
                    + " into " + classesDirectory + ". Register Lamina's annotation processor (dev.lamina:"
                    + "lamina-processor) in the maven-compiler-plugin's annotationProcessorPaths");
        }
        if (requested == null || requested.isBlank()) {
            if (entries.size() == 1) {
                return trainable(entries.get(0));
            }
            throw new MojoFailureException("this project has " + entries.size() + " networks; choose one with"
                    + " -Dlamina.network=<name>: " + names());
        }
        String wanted = requested.trim();
        List<NetworkIndexEntry> matches = entries.stream()
                .filter(e -> e.userClass().equals(wanted) || e.simpleClassName().equals(wanted) || e.name().equals(wanted))
                .toList();
        if (matches.size() == 1) {
            return trainable(matches.get(0));
        }
        if (matches.size() > 1) {
            throw new MojoFailureException("network '" + wanted + "' is ambiguous; use the qualified class name: "
                    + matches.stream().map(NetworkIndexEntry::userClass).collect(Collectors.joining(", ")));
        }
        throw new MojoFailureException("unknown network '" + wanted + "'; this project's networks are: " + names());
    }

    /** Whether the project has a network of that name (any of its names), or any network when it is empty. */
    boolean has(String requested) {
        if (requested == null || requested.isBlank()) {
            return !entries.isEmpty();
        }
        String wanted = requested.trim();
        return entries.stream().anyMatch(
                e -> e.userClass().equals(wanted) || e.simpleClassName().equals(wanted) || e.name().equals(wanted));
    }

    private static NetworkIndexEntry trainable(NetworkIndexEntry entry) throws MojoFailureException {
        if (entry.trainerClass().isEmpty()) {
            throw new MojoFailureException(entry.name() + " cannot be trained from Maven: it has no @Train. Add"
                    + " @Train(data = YourDataSource.class) to " + entry.userClass());
        }
        return entry;
    }

    private String names() {
        return entries.stream().map(NetworkIndexEntry::simpleClassName).collect(Collectors.joining(", "));
    }
}
