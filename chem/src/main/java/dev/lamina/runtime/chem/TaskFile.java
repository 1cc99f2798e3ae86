package dev.lamina.runtime.chem;

import java.nio.file.Path;
import java.util.Objects;

/** One task's labels: a SMILES file whose label column says, for each molecule, whether it is active. */
public record TaskFile(String task, Path file) {

    public TaskFile {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(file, "file");
        if (task.isBlank()) {
            throw new IllegalArgumentException(file + ": the task name is blank");
        }
    }
}
