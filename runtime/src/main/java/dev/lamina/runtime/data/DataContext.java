package dev.lamina.runtime.data;

import java.nio.file.Path;

/**
 * What a {@link DataSource} needs to find its files: the directory relative paths start from (the
 * project's base directory when run from Maven).
 */
public record DataContext(Path baseDirectory) {

    /** The directory named by system property {@code lamina.baseDir}, or the working directory. */
    public static DataContext fromSystemProperties() {
        return new DataContext(Path.of(System.getProperty("lamina.baseDir", "")).toAbsolutePath());
    }

    public Path resolve(String relativePath) {
        return baseDirectory.resolve(relativePath).normalize();
    }
}
