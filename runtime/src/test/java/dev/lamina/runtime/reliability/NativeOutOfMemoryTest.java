package dev.lamina.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Out-of-memory in native code is a clear error, not a JVM crash; checked in child JVMs so that a crash
 * could not take the test JVM with it. The allocations ask for 2^45 floats or more (128 TiB), beyond a 47-bit
 * address space, so they fail under every overcommit setting and never reach the kernel's OOM killer.
 */
class NativeOutOfMemoryTest {

    @TempDir Path directory;

    @Test
    void anImpossibleAllocationIsAnEngineExceptionAndTheEngineKeepsWorking() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                ChildJvm.command(ChildJvm.testClasspath(), List.of(), EngineMain.class, "oom"),
                directory, Map.of(), 60);

        assertEquals(0, result.exitCode(), result.both());
        String thrown = result.out().lines().filter(line -> line.startsWith("thrown: ")).findFirst()
                .orElseThrow(() -> new AssertionError("nothing was thrown: " + result.both()));
        assertTrue(thrown.startsWith("thrown: ai.djl.engine.EngineException: "), thrown);
        assertTrue(thrown.contains("can't allocate memory"), thrown);
        assertTrue(thrown.contains(Long.toString(EngineMain.IMPOSSIBLE_ELEMENTS * Float.BYTES) + " bytes"), thrown);
        assertTrue(result.out().contains("after the failure the engine still computes: 1000.0"), result.both());
        assertEquals(List.of(), ChildJvm.crashLogs(directory), "the JVM crashed");
        System.out.println("[native-oom] " + thrown);
    }

    @Test
    void aNetworkTooWideForMemoryEndsTheTrainerWithoutACrash() throws Exception {
        // 4 inputs x 2^44 outputs: the first weight alone is 2^46 floats.
        ChildJvm.Result result = ChildJvm.run(
                ChildJvm.command(ChildJvm.testClasspath(), List.of(), TrainerMain.class,
                        Long.toString(1L << 44), directory.resolve("runs").toString(), "--device", "cpu"),
                directory, Map.of(), 60);

        assertEquals(1, result.exitCode(), result.both());
        assertTrue(result.out().contains("trainer returned 1"), "TrainingCommandLine returned normally: " + result.both());
        assertTrue(result.err().contains("can't allocate memory"), result.both());
        assertFalse(Files.exists(directory.resolve("runs/Wide/checkpoint.safetensors")));
        assertEquals(List.of(), ChildJvm.crashLogs(directory), "the JVM crashed");
        String firstLine = result.err().lines().filter(line -> line.contains("allocate")).findFirst().orElse("");
        boolean stackTrace = result.err().contains("\tat ");
        System.out.println("[native-oom] the trainer prints" + (stackTrace ? " a stack trace headed: " : ": ")
                + firstLine);
    }
}
