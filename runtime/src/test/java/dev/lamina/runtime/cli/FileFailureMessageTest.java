package dev.lamina.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

/** The JDK's file exceptions say only the path; the trainer's failure says what is wrong with it. */
class FileFailureMessageTest {

    @Test
    void aMissingOrUnreadableFileIsNamedWithTheReason() {
        assertEquals("cannot train: /p/data/train.csv does not exist; check the path (relative paths start at the"
                + " project's folder)", TrainCommand.describe(new NoSuchFileException("/p/data/train.csv")));
        assertEquals("cannot train: /p/data cannot be accessed (permission denied); check the path (relative paths"
                + " start at the project's folder)", TrainCommand.describe(new AccessDeniedException("/p/data")));
        assertEquals("cannot train: /p/a -> /p/b: Not a directory; check the path (relative paths start at the"
                + " project's folder)", TrainCommand.describe(new FileSystemException("/p/a", "/p/b", "Not a directory")));
    }
}
