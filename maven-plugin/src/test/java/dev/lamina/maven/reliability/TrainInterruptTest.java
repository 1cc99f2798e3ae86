package dev.lamina.maven.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

/**
 * {@code mvn lamina:train} killed or interrupted leaves no child JVM behind. Runs the real
 * {@code mvn -B -q -o lamina:train} on a copy of the user-style project {@code src/it/train-goal}, with so
 * many epochs that it trains until stopped, waits for the forked trainer JVM ({@code DigitsTrainer}, a
 * descendant of the Maven JVM) and a first checkpoint, then ends the Maven JVM:
 * <ul>
 *   <li>with SIGTERM ({@link ProcessHandle#destroy()}, as {@code kill} or a closing terminal sends it): Maven's
 *       shutdown hook stops the trainer;
 *   <li>with SIGKILL ({@link ProcessHandle#destroyForcibly()}): no hook runs; the trainer notices its parent
 *       is gone (system property {@code lamina.parentPid}) and exits by itself.
 * </ul>
 * Either way no trainer may be alive 15 s later, and the run's checkpoint must be a complete safetensors
 * file; after the SIGKILL the run is also resumed with {@code -Dlamina.resume=true}, which loads it for real.
 *
 * <p>Needs {@code mvn} on the PATH and Lamina installed in the local repository ({@code cd /work/main && mvn
 * -B -q install -DskipTests -Dinvoker.skip}); otherwise the tests are skipped. They test the installed
 * plugin and runtime, not this build's classes: install again after changing them. Runs offline ({@code -o}):
 * every plugin and dependency of the project must be in the local repository, which the build itself puts
 * there. Both tests together take about 35 s on 2 busy cores (70 s when the machine is heavily loaded);
 * {@code -Dlamina.test.skipMavenRuns=true} skips them.
 */
class TrainInterruptTest {

    /** How long a trainer may outlive Maven. */
    private static final long STOP_WITHIN_SECONDS = 15;
    private static final String TRAINER = "DigitsTrainer";

    /** One copy of the project for all tests: the first run compiles it, later runs find it up to date. */
    @TempDir static Path shared;

    private static Path project;

    @TempDir Path directory;

    private Process maven;
    private final List<ProcessHandle> trainers = new ArrayList<>();

    @BeforeAll
    static void copyProject() throws Exception {
        Path basedir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path source = basedir.resolve("src/it/train-goal");
        Path rootPom = basedir.resolve("../pom.xml").normalize();
        assumeTrue(Files.isDirectory(source) && Files.isRegularFile(rootPom), "not run from the maven-plugin module");
        assumeFalse(Boolean.getBoolean("lamina.test.skipMavenRuns"), "skipped with -Dlamina.test.skipMavenRuns=true");
        assumeTrue(onPath("mvn"), "mvn is not on the PATH");
        Map<String, String> versions = versions(rootPom);
        Path repository = localRepository();
        String version = versions.get("project.version");
        for (String artifact : List.of("lamina-maven-plugin", "lamina-runtime", "lamina-processor",
                "lamina-annotations")) {
            Path jar = repository.resolve("dev/lamina/" + artifact + "/" + version + "/" + artifact + "-" + version + ".jar");
            assumeTrue(Files.isRegularFile(jar), "Lamina is not installed in " + repository + " (missing " + jar
                    + "): run mvn -B -q install -DskipTests -Dinvoker.skip first");
        }

        project = shared.resolve("train-goal");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        // The invoker plugin filters the project's pom; do the same.
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> property : versions.entrySet()) {
            pom = pom.replace("@" + property.getKey() + "@", property.getValue());
        }
        assertFalse(pom.contains("@"), "unfiltered placeholder left in the pom:\n" + pom);
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void freshRunFolder() throws IOException {
        Path runs = project.resolve("lamina-runs");
        if (Files.exists(runs)) {
            try (Stream<Path> files = Files.walk(runs)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @AfterEach
    void killLeftovers() {
        // Whatever a failed assertion left running must not outlive the test.
        for (ProcessHandle trainer : trainers) {
            trainer.destroyForcibly();
        }
        if (maven != null) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
    }

    @Test
    void sigtermOfMavenStopsTheTrainerAndKeepsTheCheckpoint() throws Exception {
        ProcessHandle trainer = startTrainingAndAwaitCheckpoint();
        long stopped = System.nanoTime();
        mavenJvm().destroy();

        awaitEnd(trainer, "the trainer JVM outlived a SIGTERM to Maven");
        double seconds = (System.nanoTime() - stopped) / 1e9;
        assertTrue(maven.waitFor(STOP_WITHIN_SECONDS, TimeUnit.SECONDS), "Maven did not exit after SIGTERM");
        assertEquals(List.of(), aliveTrainers(), "no trainer JVM may be left");
        int completed = assertCompleteCheckpoint();
        System.out.printf("[lamina:train SIGTERM] trainer gone %.1f s after SIGTERM to Maven; checkpoint after"
                + " epoch %d is complete; %d .partial file(s) left%n", seconds, completed, partialFiles());
    }

    @Test
    void sigkillOfMavenLeavesNoTrainerBehindAndTheRunResumes() throws Exception {
        ProcessHandle trainer = startTrainingAndAwaitCheckpoint();
        long killed = System.nanoTime();
        mavenJvm().destroyForcibly();
        assertTrue(maven.waitFor(STOP_WITHIN_SECONDS, TimeUnit.SECONDS), "Maven survived SIGKILL");

        awaitEnd(trainer, "the trainer JVM outlived a SIGKILL of Maven as an orphan (no shutdown hook runs on"
                + " SIGKILL, so only the trainer itself can notice)");
        double seconds = (System.nanoTime() - killed) / 1e9;
        int completed = assertCompleteCheckpoint();
        long partials = partialFiles();

        // The real proof that the checkpoint loads: resume from it for one more epoch.
        Path log = directory.resolve("resume.log");
        long resumeStarted = System.nanoTime();
        Process resume = new ProcessBuilder(mvn("lamina:train", "-Dlamina.resume=true",
                "-Dlamina.epochs=" + (completed + 1), "-Dlamina.progress=false", "-Dlamina.threads=1"))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertTrue(resume.waitFor(180, TimeUnit.SECONDS), "the resumed run did not finish in 180 s");
        } finally {
            resume.descendants().forEach(ProcessHandle::destroyForcibly);
            resume.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, resume.exitValue(), output);
        assertTrue(output.contains("Resuming Digits after epoch " + completed), output);
        System.out.printf("[lamina:train SIGKILL] trainer gone %.1f s after SIGKILL of Maven; %d .partial file(s)"
                + " left; resumed after epoch %d in %.1f s%n", seconds, partials, completed,
                (System.nanoTime() - resumeStarted) / 1e9);
    }

    /** Starts {@code mvn lamina:train} and returns the trainer JVM once it has written a checkpoint. */
    private ProcessHandle startTrainingAndAwaitCheckpoint() throws Exception {
        Path log = directory.resolve("train.log");
        long started = System.nanoTime();
        maven = new ProcessBuilder(mvn("lamina:train", "-Dlamina.epochs=1000000",
                "-Dlamina.progress=false", "-Dlamina.threads=1"))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path checkpoint = checkpoint();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        ProcessHandle trainer = null;
        while (trainer == null || !Files.isRegularFile(checkpoint)) {
            if (!maven.isAlive()) {
                fail("mvn lamina:train ended (exit code " + maven.exitValue() + ") before training:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + TRAINER + " JVM with a checkpoint within 120 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (trainer == null) {
                trainer = aliveTrainers().stream().findFirst().orElse(null);
                if (trainer != null) {
                    trainers.add(trainer);
                }
            }
            Thread.sleep(100);
        }
        assertEquals(1, aliveTrainers().size(), "one trainer JVM");
        System.out.printf("[lamina:train] trainer and first checkpoint after %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        // Well into training, so that the stop can fall inside an epoch's file writes.
        Thread.sleep(1000);
        assertTrue(trainer.isAlive(), "the trainer ended by itself:\n" + Files.readString(log, StandardCharsets.UTF_8));
        return trainer;
    }

    /** The Maven JVM: the mvn script execs java, so usually the started process itself. */
    private ProcessHandle mavenJvm() {
        return maven.descendants()
                .filter(p -> commandLine(p).contains("org.codehaus.plexus.classworlds.launcher.Launcher"))
                .findFirst()
                .orElse(maven.toHandle());
    }

    private List<ProcessHandle> aliveTrainers() {
        List<ProcessHandle> alive = new ArrayList<>();
        maven.descendants().filter(p -> commandLine(p).contains(TRAINER)).forEach(alive::add);
        // An orphan is no longer Maven's descendant.
        trainers.stream().filter(ProcessHandle::isAlive).filter(p -> !alive.contains(p)).forEach(alive::add);
        return alive;
    }

    private static void awaitEnd(ProcessHandle trainer, String failure) throws Exception {
        try {
            trainer.onExit().get(STOP_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            fail(failure + ": pid " + trainer.pid() + " still alive after " + STOP_WITHIN_SECONDS + " s");
        }
    }

    /**
     * The full command line: /proc/pid/cmdline on Linux (complete however long the class path), else what
     * the JDK reports.
     */
    private static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // The process ended meanwhile.
            return "";
        }
        return process.info().commandLine().orElse("");
    }

    /** Temporary files of interrupted atomic writes in the run folder. */
    private long partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(checkpoint().getParent())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial")).count();
        }
    }

    private Path checkpoint() {
        return project.resolve("lamina-runs/Digits/latest/checkpoint.safetensors");
    }

    /**
     * Checks, without Lamina's runtime (this module does not depend on it), that the checkpoint is one complete
     * safetensors file: the header parses, names the Digits network's parameters, and the data ends exactly
     * where the header says. Returns its completed epochs.
     */
    private int assertCompleteCheckpoint() throws IOException {
        Path checkpoint = checkpoint();
        try (FileChannel channel = FileChannel.open(checkpoint, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(length, 0);
            long headerLength = length.flip().getLong();
            assertTrue(headerLength > 0 && headerLength < size - 8, checkpoint + ": header length " + headerLength);
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            channel.read(headerBytes, 8);
            String header = new String(headerBytes.array(), StandardCharsets.UTF_8).strip();
            assertTrue(header.startsWith("{") && header.endsWith("}"), header);
            for (String parameter : List.of("hidden.weight", "hidden.bias", "hidden.bn.running_var", "logits.weight",
                    "logits.bias")) {
                assertTrue(header.contains("\"" + parameter + "\""), parameter + " missing from " + header);
            }
            long dataEnd = 0;
            Matcher offsets = Pattern.compile("\"data_offsets\":\\[(\\d+),(\\d+)]").matcher(header);
            while (offsets.find()) {
                dataEnd = Math.max(dataEnd, Long.parseLong(offsets.group(2)));
            }
            assertEquals(8 + headerLength + dataEnd, size, checkpoint + " is not complete");
            Matcher epochs = Pattern.compile("\"completed_epochs\":\"(\\d+)\"").matcher(header);
            assertTrue(epochs.find(), header);
            int completed = Integer.parseInt(epochs.group(1));
            assertTrue(completed >= 1, header);
            return completed;
        }
    }

    private static boolean onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code mvn -B -q -o <args>} on the local repository the checks above found Lamina in: without
     * {@code -Dmaven.repo.local} the child Maven would use the default repository, which may hold another
     * build of Lamina.
     */
    private static List<String> mvn(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-q", "-o",
                "-Dmaven.repo.local=" + localRepository().toAbsolutePath()));
        command.addAll(List.of(args));
        return command;
    }

    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The values the invoker plugin substitutes into src/it poms, read from the root pom. */
    private static Map<String, String> versions(Path rootPom) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(rootPom.toFile());
        Element project = pom.getDocumentElement();
        String version = child(project, "version").getTextContent().trim();
        Element properties = child(project, "properties");
        return Map.of(
                "project.version", version,
                "slf4j.version", property(properties, "slf4j.version"),
                "maven-compiler-plugin.version", property(properties, "maven-compiler-plugin.version"),
                "maven-resources-plugin.version", property(properties, "maven-resources-plugin.version"),
                "junit.version", property(properties, "junit.version"),
                "maven-surefire-plugin.version", property(properties, "maven-surefire-plugin.version"));
    }

    private static String property(Element properties, String name) {
        return child(properties, name).getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
