package dev.lamina.runtime.chem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The small SMILES files the loader tests read: written on the fly, or fixtures from src/test/resources/data. */
final class ChemTestFiles {

    private ChemTestFiles() {}

    static Path text(Path directory, String name, String content) throws IOException {
        return Files.write(directory.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    static Path resource(String name) {
        try {
            return Path.of(ChemTestFiles.class.getResource("/data/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource data/" + name + " is missing", e);
        }
    }
}
