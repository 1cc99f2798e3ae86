package dev.lamina.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A missing native library is a clear error, not a JVM crash. A child JVM runs on the test class
 * path without the {@code pytorch-native-cpu} jar, with DJL's cache moved to an empty folder (DJL_CACHE_DIR
 * moves it), so natives extracted by earlier runs into {@code ~/.djl.ai} cannot
 * stand in. The JVM must exit normally with Lamina's message naming the Maven dependency, and must not have
 * downloaded anything: Lamina starts DJL offline unless the user says otherwise, so DJL's attempt to fetch
 * its index of native builds is refused and the cache folder stays empty.
 */
class MissingNativeLibraryTest {

    private static final String NATIVE_JAR = "pytorch-native-cpu";
    private static final String DEPENDENCY = "ai.djl.pytorch:pytorch-native-cpu:2.7.1 (classifier linux-x86_64)";

    @TempDir Path directory;

    private Path cache;
    private String classpath;
    private Map<String, String> environment;

    @BeforeEach
    void withoutNatives() throws IOException {
        classpath = ChildJvm.testClasspathWithout(NATIVE_JAR);
        assertNotEquals(ChildJvm.testClasspath(), classpath, "the test class path should hold " + NATIVE_JAR);
        cache = Files.createDirectory(directory.resolve("empty-djl-cache"));
        environment = new HashMap<>();
        environment.put("DJL_CACHE_DIR", cache.toString());
        environment.put("ENGINE_CACHE_DIR", cache.toString());
        // Variables that would point DJL at natives elsewhere on this machine.
        environment.put("PYTORCH_LIBRARY_PATH", null);
        environment.put("PYTORCH_VERSION", null);
        environment.put("PYTORCH_FLAVOR", null);
    }

    @Test
    void startingTheEngineFailsWithTheDependencyToAddAndDownloadsNothing() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                ChildJvm.command(classpath, List.of(), EngineMain.class, "start"), directory, environment, 60);

        assertEquals(1, result.exitCode(), result.both());
        List<String> causes = result.out().lines().filter(line -> line.startsWith("cause: ")).toList();
        assertFalse(causes.isEmpty(), result.both());
        String message = causes.get(0);
        assertTrue(message.startsWith("cause: dev.lamina.runtime.LaminaRuntimeException: Could not start DJL's"
                + " PyTorch engine"), message);
        assertTrue(message.contains("add the dependency " + DEPENDENCY), message);
        assertTrue(message.contains("never downloads"), message);
        // DJL did try to look for a download (its index of builds) and Lamina's offline default stopped it.
        assertTrue(causes.stream().anyMatch(c -> c.contains("Offline mode is enabled")), result.both());
        assertNoDownloadAndNoCrash(result);
        System.out.println("[missing-natives] a library user sees: " + message.substring("cause: ".length()));
    }

    @Test
    void theTrainerCommandPrintsOneLineNamingTheDependency() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                ChildJvm.command(classpath, List.of(), TrainerMain.class,
                        "8", directory.resolve("runs").toString(), "--device", "auto"),
                directory, environment, 60);

        assertEquals(1, result.exitCode(), result.both());
        assertTrue(result.out().contains("trainer returned 1"), "TrainingCommandLine returned: " + result.both());
        List<String> lines = result.err().lines().filter(line -> line.startsWith("lamina: ")).toList();
        assertEquals(1, lines.size(), result.both());
        String message = lines.get(0);
        assertTrue(message.startsWith("lamina: Could not start DJL's PyTorch engine"), message);
        assertTrue(message.contains(DEPENDENCY), message);
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
        assertFalse(Files.exists(directory.resolve("runs/Wide/checkpoint.safetensors")));
        assertNoDownloadAndNoCrash(result);
        System.out.println("[missing-natives] the trainer prints: " + message);
    }

    private void assertNoDownloadAndNoCrash(ChildJvm.Result result) throws IOException {
        try (var files = Files.walk(cache)) {
            assertEquals(List.of(cache), files.toList(), "nothing was downloaded or extracted into DJL's cache");
        }
        assertFalse(result.err().contains("Downloading"), result.err());
        assertEquals(List.of(), ChildJvm.crashLogs(directory), "the JVM crashed");
    }
}
