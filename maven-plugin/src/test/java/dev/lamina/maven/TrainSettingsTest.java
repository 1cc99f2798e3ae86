package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's parameters become trainer options; wrong values fail before anything is forked. */
class TrainSettingsTest {

    @TempDir
    Path output;

    @Test
    void onlySetValuesBecomeOptions() throws MojoFailureException {
        TrainSettings settings = new TrainSettings(3, null, 0.01, "cpu", null, 7, 500, "scaffold", "1, 2,3", true, false, output);
        settings.validate();
        assertEquals(List.of("--epochs", "3", "--lr", "0.01", "--device", "cpu", "--seed", "7", "--limit", "500",
                "--split", "SCAFFOLD", "--seeds", "1,2,3", "--output", output.toString(), "--resume", "--no-progress"), settings.arguments());
    }

    @Test
    void invalidValuesAreRejectedWithTheirPropertyName() {
        assertRejected("lamina.batchSize must be at least 1, was 0",
                new TrainSettings(null, 0, null, null, null, null, null, null, null, false, true, output));
        assertRejected("lamina.threads must be at least 1, was -2",
                new TrainSettings(null, null, null, null, -2, null, null, null, null, false, true, output));
        assertRejected("lamina.limit must be at least 1, was 0",
                new TrainSettings(null, null, null, null, null, null, 0, null, null, false, true, output));
        assertRejected("lamina.learningRate must be a positive number, was NaN",
                new TrainSettings(null, null, Double.NaN, null, null, null, null, null, null, false, true, output));
        assertRejected("unknown lamina.device 'gpu:x': use auto, cpu, gpu or gpu:<index>",
                new TrainSettings(null, null, null, "gpu:x", null, null, null, null, null, false, true, output));
        assertRejected("unknown lamina.split 'scafold': use random, stratified or scaffold",
                new TrainSettings(null, null, null, null, null, null, null, "scafold", null, false, true, output));
        assertRejected("lamina.seeds must be whole numbers separated by commas (1,2,3), was '1;2'",
                new TrainSettings(null, null, null, null, null, null, null, null, "1;2", false, true, output));
    }

    private static void assertRejected(String message, TrainSettings settings) {
        assertEquals(message, assertThrows(MojoFailureException.class, settings::validate).getMessage());
    }
}
