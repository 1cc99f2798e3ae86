package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The JUnit tests the processor generates for a network, the way a Maven build makes them: the main
 * compilation writes the network index, the test compilation (JUnit and the compiled network on the class
 * path) turns it into {@code <Name>NetworkTest}. The generated source is compared with a reviewed golden
 * file, compiled, and run: against the real network it passes, against deliberately broken ones the
 * matching test fails with a readable message.
 */
class GeneratedNetworkTestsTest {

    @TempDir
    Path mainClasses;

    @TempDir
    Path testClasses;

    @Test
    void generatedTestsMatchTheGoldenFileCompileAndCatchBrokenNetworks() throws Exception {
        Compilation main = Compiler.javac().withProcessors(new LaminaProcessor())
                .compile(JavaFileObjects.forResource("golden/MnistMlp.java"));
        assertEquals(Compilation.Status.SUCCESS, main.status(), main.diagnostics().toString());
        writeOutputs(main, mainClasses);

        Compilation test = Compiler.javac().withProcessors(new LaminaProcessor())
                .withClasspath(classpathWith(mainClasses))
                .compile(JavaFileObjects.forResource("network-tests/BrokenNetworks.java"));
        assertEquals(Compilation.Status.SUCCESS, test.status(), test.diagnostics().toString());
        String generated = test.generatedSourceFile("dev.lamina.examples.MnistMlpNetworkTest")
                .orElseThrow(() -> new AssertionError("MnistMlpNetworkTest was not generated"))
                .getCharContent(false).toString();
        assertEquals(resource("golden/MnistMlpNetworkTest.java.txt"), generated);
        writeOutputs(test, testClasses);

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {mainClasses.toUri().toURL(), testClasses.toUri().toURL()}, getClass().getClassLoader())) {
            Map<String, String> real = run(loader, "dev.lamina.examples.MnistMlpNetworkTest");
            assertEquals(Map.of(), real, "the real network passes every generated test");

            Map<String, String> unscaled = run(loader, "dev.lamina.examples.BrokenNetworks$UnscaledDropoutTest");
            assertEquals(List.of("trainModeDropsAndScalesByOneOverOneMinusP()"), List.copyOf(unscaled.keySet()));
            assertEquals("MnistMlp: Dropout #1 (p = 0.2) keeps a 1 as 1.0; inverted dropout scales kept values by"
                    + " 1/(1-p) = 1.25", unscaled.get("trainModeDropsAndScalesByOneOverOneMinusP()"));

            Map<String, String> ignoring = run(loader, "dev.lamina.examples.BrokenNetworks$InputIgnoringLayerTest");
            assertEquals("MnistMlp: two different batches gave identical outputs; some layer ignores its input",
                    ignoring.get("evalModeIsDeterministic()"));
            assertTrue(ignoring.get("everyParameterGetsAFiniteNonZeroGradient()")
                    .startsWith("MnistMlp: hidden1.weight got a gradient that is zero everywhere"), ignoring.toString());
        }
    }

    @Test
    void networkTestsCanBeTurnedOffOrTuned() throws Exception {
        Compilation main = Compiler.javac().withProcessors(new LaminaProcessor())
                .compile(JavaFileObjects.forResource("network-tests/Untested.java"),
                        JavaFileObjects.forResource("network-tests/Tuned.java"));
        assertEquals(Compilation.Status.SUCCESS, main.status(), main.diagnostics().toString());
        writeOutputs(main, mainClasses);
        Compilation test = Compiler.javac().withProcessors(new LaminaProcessor())
                .withClasspath(classpathWith(mainClasses))
                .compile(JavaFileObjects.forSourceLines("dev.lamina.examples.Placeholder",
                        "package dev.lamina.examples;", "class Placeholder {}"));
        assertEquals(Compilation.Status.SUCCESS, test.status(), test.diagnostics().toString());
        assertTrue(test.generatedSourceFile("dev.lamina.examples.UntestedNetworkTest").isEmpty(),
                "@NetworkTests(enabled = false) generates no tests");
        String tuned = test.generatedSourceFile("dev.lamina.examples.TunedNetworkTest").orElseThrow()
                .getCharContent(false).toString();
        assertTrue(tuned.contains("NetworkContract.of(architecture(), new long[] {1}, Loss.BCE_WITH_LOGITS)\n"
                + "                .batchSize(8)\n                .steps(200)\n                .tolerance(1.0E-4);"), tuned);
        assertTrue(tuned.contains("contract().dropoutDropsAndScales(0.5);"), tuned);
        assertTrue(!tuned.contains("batchNormStatistics"), "no BatchNorm, no BatchNorm test");
        writeOutputs(test, testClasses);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {mainClasses.toUri().toURL(), testClasses.toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals(Map.of(), run(loader, "dev.lamina.examples.TunedNetworkTest", 8));
        }
    }

    @Test
    void generatedTestsTrainMultiTaskAndRegressionNetworksOnLabelsOfTheirWidth() throws Exception {
        Compilation main = Compiler.javac().withProcessors(new LaminaProcessor())
                .compile(JavaFileObjects.forResource("network-tests/MultiOutput.java"));
        assertEquals(Compilation.Status.SUCCESS, main.status(), main.diagnostics().toString());
        writeOutputs(main, mainClasses);
        Compilation test = Compiler.javac().withProcessors(new LaminaProcessor())
                .withClasspath(classpathWith(mainClasses))
                .compile(JavaFileObjects.forSourceLines("dev.lamina.examples.Placeholder",
                        "package dev.lamina.examples;", "class Placeholder {}"));
        assertEquals(Compilation.Status.SUCCESS, test.status(), test.diagnostics().toString());
        writeOutputs(test, testClasses);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {mainClasses.toUri().toURL(), testClasses.toUri().toURL()}, getClass().getClassLoader())) {
            assertEquals(Map.of(), run(loader, "dev.lamina.examples.MultiOutput_ThreeAssaysNetworkTest", 7));
            assertEquals(Map.of(), run(loader, "dev.lamina.examples.MultiOutput_TwoTargetsNetworkTest", 7));
        }
    }

    /** Runs one test class with the JUnit Platform; returns the failed tests with their messages. */
    private static Map<String, String> run(ClassLoader loader, String className) throws ClassNotFoundException {
        return run(loader, className, 9);
    }

    private static Map<String, String> run(ClassLoader loader, String className, int tests)
            throws ClassNotFoundException {
        Class<?> testClass = Class.forName(className, true, loader);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            launcher.execute(request, listener);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(tests, summary.getTestsFoundCount(), className + " ran " + summary.getTestsFoundCount() + " tests");
        Map<String, String> failures = new TreeMap<>();
        for (TestExecutionSummary.Failure failure : summary.getFailures()) {
            failures.put(failure.getTestIdentifier().getDisplayName(), failure.getException().getMessage());
        }
        return failures;
    }

    private static void writeOutputs(Compilation compilation, Path directory) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.SOURCE) {
                continue;
            }
            String path = file.toUri().getPath().replaceFirst("^/(CLASS_OUTPUT|SOURCE_OUTPUT)/", "");
            Path target = directory.resolve(path);
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, target);
            }
        }
    }

    private static List<File> classpathWith(Path directory) {
        List<File> classpath = new ArrayList<>();
        classpath.add(directory.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        return classpath;
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
