package dev.lamina.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command-line run says why it failed: standard error, or under a Maven goal (system property
 * {@value #FAILURE_FILE_PROPERTY}) a file the goal reads, so Maven fails with exactly this one message.
 */
final class FailureReport {

    static final String FAILURE_FILE_PROPERTY = "lamina.failureFile";

    private FailureReport() {}

    static void report(PrintWriter err, String message) {
        String failureFile = System.getProperty(FAILURE_FILE_PROPERTY);
        if (failureFile != null) {
            try {
                Files.writeString(Path.of(failureFile), message, StandardCharsets.UTF_8);
                return;
            } catch (IOException e) {
                // Fall back to standard error.
            }
        }
        err.println("lamina: " + message);
    }
}
