package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A seeded training run with dropout repeats bit for bit in a new JVM, even when garbage collections fall
 * at different moments. The uniform-draw dropout once scaled its output with {@code muli(scale)}: DJL
 * hands libtorch a Java number as a tensor over a direct buffer, autograd kept that tensor for the backward
 * pass, and after a collection freed the buffer the gradient was scaled by freed memory. Epoch losses came
 * out different in every process; within one JVM, and in short runs, nothing showed.
 */
class DropoutAcrossJvmsTest {

    @Test
    void aSeededRunWithDropoutRepeatsInAnotherJvm(@TempDir Path directory) throws Exception {
        String first = train(directory.resolve("first"));
        String second = train(directory.resolve("second"));
        assertEquals(first, second, "two JVMs, same seed: epoch losses (raw bits) and the parameters' SHA-256");
    }

    private static String train(Path runDirectory) throws IOException, InterruptedException {
        Files.createDirectories(runDirectory);
        Path out = runDirectory.resolve("child.out");
        Path err = runDirectory.resolve("child.err");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.pytorch.num_threads=1",
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                DropoutTrainingMain.class.getName(),
                runDirectory.toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the training JVM did not finish in 60 s");
        } finally {
            process.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "exit code of the training JVM\n" + stdout + "\n" + stderr);
        return stdout.lines()
                .filter(line -> line.startsWith(DropoutTrainingMain.RESULT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result line from the training JVM\n" + stdout + "\n" + stderr));
    }
}
