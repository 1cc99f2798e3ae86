package dev.lamina.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;

import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.runtime.io.SafeTensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run killed with SIGKILL while writing a checkpoint leaves the previous checkpoint loadable. Checked
 * with real child processes: a child JVM ({@link CheckpointWriterMain}) rewrites one checkpoint path in a
 * tight loop and is killed with SIGKILL ({@link Process#destroyForcibly()}) at random moments. After every
 * kill the file at the path is a complete file of exactly one write, no older than the last write the child
 * reported, and loads into the network; the only other files are the writer's {@code .partial} temporaries.
 *
 * <p>Leftovers: {@link dev.lamina.runtime.io.AtomicFiles} deletes its temporary file in a {@code finally}
 * block, which SIGKILL skips; each kill that lands inside a write leaves one {@code .<name>.<random>.partial}
 * file behind and nothing removes it later. The test prints how many accumulated.
 */
class CheckpointKillTest {

    private static final Pattern WROTE = Pattern.compile("^wrote (\\d+)$", Pattern.MULTILINE);

    /** Fixed, so that a failure can be rerun with the same kill delays (the scheduling still varies). */
    private static final long SEED = 20_260_707L;

    @TempDir Path directory;

    @Test
    void sigkillWhileWritingWithSafeTensorsNeverLeavesABrokenFile() throws Exception {
        int midWrite = killRepeatedly("tensors", 20, 120);
        // A test whose kills all fall between writes proves nothing about a kill inside one. A write takes most
        // of the loop's time; 10 to 15 of the 20 kills land inside one.
        assertTrue(midWrite >= 1, "no kill landed inside a write; the test did not test anything");
    }

    @Test
    void sigkillWhileSavingARealNetworkNeverLeavesABrokenFile() throws Exception {
        killRepeatedly("network", 4, 400);
    }

    /** Returns how many kills landed inside a write (they left a new temporary file). */
    private int killRepeatedly(String mode, int kills, int maxDelayMillis) throws Exception {
        Path checkpoint = directory.resolve("run").resolve("checkpoint.safetensors");
        Files.createDirectories(checkpoint.getParent());
        Pattern temporary = Pattern.compile(Pattern.quote("." + checkpoint.getFileName() + ".") + "\\d+\\.partial");
        Random random = new Random(SEED);
        Set<String> partialsSeen = new HashSet<>();
        int killedMidWrite = 0;
        long started = System.nanoTime();

        try (LaminaNetwork network =
                LaminaNetwork.create(ReliabilityNetworks.checkpointed(), Device.cpu(), 2)) {
            for (int round = 0; round < kills; round++) {
                long first = (round + 1) * 100_000L;
                Path out = directory.resolve("writer-" + round + ".out");
                Path err = directory.resolve("writer-" + round + ".err");
                Process child = ChildJvm.start(
                        ChildJvm.command(ChildJvm.testClasspath(), List.of(), CheckpointWriterMain.class,
                                mode, checkpoint.toString(), Long.toString(first)),
                        out, err, Map.of());
                try {
                    awaitFirstWrite(child, out, err);
                    Thread.sleep(random.nextInt(maxDelayMillis + 1));
                } finally {
                    child.destroyForcibly();
                }
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed writer did not end");
                // 137 = 128 + SIGKILL: the child really was killed, it did not stop by itself.
                assertEquals(137, child.exitValue(), Files.readString(err, StandardCharsets.UTF_8));

                long lastReported = lastReported(out);
                long inFile = assertCompleteCheckpoint(checkpoint, network);
                assertTrue(inFile == lastReported || inFile == lastReported + 1,
                        "round " + round + ": the file holds write " + inFile + " but the child had completed write "
                                + lastReported + " (a file may be one write ahead of the report, never behind)");

                Set<String> partials = new HashSet<>();
                try (var listing = Files.list(checkpoint.getParent())) {
                    for (Path file : listing.toList()) {
                        String name = file.getFileName().toString();
                        if (name.equals(checkpoint.getFileName().toString())) {
                            continue;
                        }
                        assertTrue(temporary.matcher(name).matches(),
                                "only the checkpoint and the writer's temporary files may be left, found " + name);
                        partials.add(name);
                    }
                }
                if (!partialsSeen.containsAll(partials)) {
                    killedMidWrite++;
                }
                partialsSeen.addAll(partials);
            }
        }
        long leftovers;
        try (var listing = Files.list(checkpoint.getParent())) {
            leftovers = listing.filter(f -> temporary.matcher(f.getFileName().toString()).matches()).count();
        }
        System.out.printf("[checkpoint-kill] %s: %d SIGKILLs, %d inside a write, %d .partial files left in the run"
                        + " folder, %.1f s%n",
                mode, kills, killedMidWrite, leftovers, (System.nanoTime() - started) / 1e9);
        return killedMidWrite;
    }

    private static void awaitFirstWrite(Process child, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!WROTE.matcher(Files.readString(out, StandardCharsets.UTF_8)).find()) {
            if (!child.isAlive()) {
                fail("the writer ended before its first write (exit code " + child.exitValue() + "):\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                fail("the writer did not complete a write in 60 s:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            Thread.sleep(5);
        }
    }

    /** The number of the last write the child reported complete; a line cut by the kill only lowers it. */
    private static long lastReported(Path out) throws IOException {
        Matcher matcher = WROTE.matcher(Files.readString(out, StandardCharsets.UTF_8));
        long last = -1;
        while (matcher.find()) {
            last = Math.max(last, Long.parseLong(matcher.group(1)));
        }
        assertTrue(last > 0, "the child reported no write");
        return last;
    }

    /**
     * Reads the checkpoint, checks it is one whole write (every value equal to its write number) and loads it
     * into the real network.
     *
     * @return the write number
     */
    private static long assertCompleteCheckpoint(Path checkpoint, LaminaNetwork network) throws IOException {
        SafeTensors.Contents contents = SafeTensors.read(checkpoint);
        Map<String, long[]> shapes = ReliabilityNetworks.checkpointedShapes();
        assertEquals(shapes.keySet(), contents.tensors().keySet());
        float value = contents.tensors().get("hidden1.weight").data()[0];
        for (Map.Entry<String, SafeTensors.Tensor> tensor : contents.tensors().entrySet()) {
            assertArrayEquals(shapes.get(tensor.getKey()), tensor.getValue().shape(), tensor.getKey());
            for (float v : tensor.getValue().data()) {
                if (v != value) {
                    fail(checkpoint + " mixes two writes: " + tensor.getKey() + " holds " + v + " and " + value);
                }
            }
        }
        String recorded = contents.metadata().get("iteration");
        if (recorded != null) {
            assertEquals(Long.parseLong(recorded), (long) value, "metadata and values of the same write");
        }
        network.load(checkpoint);
        assertEquals(value, network.parameter("logits.bias").toFloatArray()[9]);
        return (long) value;
    }
}
