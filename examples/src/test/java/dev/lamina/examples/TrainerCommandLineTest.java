package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.cli.TrainingCommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated trainers' command line, as a user runs it: real data, real training, real exit codes. */
class TrainerCommandLineTest {

    @TempDir
    Path output;

    @Test
    void quickRunOfTheSeedNetworkWritesEveryRunFile() throws IOException {
        int exit = TrainingCommandLine.run(MnistMlpTrainer.JOB, "--epochs", "1", "--limit", "3000", "--no-progress",
                "--output", output.toString(), "--threads", "1");
        assertEquals(0, exit);
        Path run = output.resolve("MnistMlp/latest");
        for (String file : List.of("MnistMlp.lamina.safetensors", "best.safetensors", "last.safetensors",
                "checkpoint.safetensors", "history.csv", "metrics.json", "summary.txt", "preprocess.py")) {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        List<String> history = Files.readAllLines(run.resolve("history.csv"));
        assertEquals("epoch,train_loss,train_accuracy,test_loss,test_accuracy,learning_rate,seconds,rss_mb",
                history.get(0));
        assertEquals(2, history.size());
        double testAccuracy = Double.parseDouble(history.get(1).split(",")[4]);
        assertTrue(testAccuracy > 0.8, "one epoch on 3000 images should reach 80%, got " + testAccuracy);
        assertEquals(MnistMlpNetwork.SUMMARY, Files.readString(run.resolve("summary.txt")));
    }

    @Test
    void invalidSettingsFailBeforeAnyWorkWithOneClearMessage() {
        assertFails("learning rate must be a positive number, was -0.1", "--lr", "-0.1");
        assertFails("epochs must be at least 1, was 0", "--epochs", "0");
        assertFails("unknown device 'tpu': use auto, cpu, gpu or gpu:<index>", "--device", "tpu");
    }

    @Test
    void malformedCommandLineIsAUsageError() {
        assertEquals(2, TrainingCommandLine.run(MnistMlpTrainer.JOB, "--epochs", "many"));
        assertEquals(2, TrainingCommandLine.run(MnistMlpTrainer.JOB, "--frobnicate"));
    }

    private void assertFails(String message, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--output";
            all[args.length + 1] = output.toString();
            exit = TrainingCommandLine.run(MnistMlpTrainer.JOB, all);
        } finally {
            System.setErr(original);
        }
        assertEquals(1, exit);
        assertEquals("lamina: " + message, captured.toString(StandardCharsets.UTF_8).strip());
    }
}
