package dev.lamina.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What Lamina's annotation processor adds to compiling a module with ten networks (the target: under 300
 * ms). Compiles the same ten network classes, in this JVM as Maven's compiler plugin does, alternately
 * without annotation processing ({@code -proc:none}) and with the Lamina processor, and prints one JSON
 * line per round and a summary line with the medians.
 *
 * <p>The first compile with the processor in a fresh JVM is reported separately ("cold"), as the median of
 * {@code coldRuns} fresh JVMs: it loads and JIT-compiles the processor and JavaPoet, and javac compiles
 * generated method bodies for the first time, which every {@code mvn compile} pays once. The
 * networks: five MLPs with {@code @Train} (a data class, Adam or SGD, schedules) and five CNNs, 3 to 7
 * stages each, like the examples.
 *
 * <pre>
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' dev.lamina.benchmarks.CompileTime [rounds [coldRuns]]
 * </pre>
 */
public final class CompileTime {

    private static final int NETWORKS = 10;
    private static final String COLD_CHILD = "--cold-child";

    private CompileTime() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals(COLD_CHILD)) {
            System.out.println(coldRun());
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int coldRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        double[] coldAdded = new double[coldRuns];
        for (int run = 0; run < coldRuns; run++) {
            String line = runChild();
            System.out.println(line);
            coldAdded[run] = Double.parseDouble(line.replaceAll(".*\"added_ms\": ([0-9.-]+).*", "$1"));
        }

        JavaCompiler javac = javac();
        List<JavaFileObject> sources = sources();
        Path output = Files.createTempDirectory("lamina-compile-time");
        String classPath = System.getProperty("java.class.path");
        double[] plain = new double[rounds];
        double[] processed = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            plain[round] = compile(javac, sources, output, classPath, false);
            processed[round] = compile(javac, sources, output, classPath, true);
            System.out.printf(Locale.ROOT, "{\"phase\": \"warm\", \"round\": %d, \"plain_ms\": %.1f,"
                    + " \"with_processor_ms\": %.1f}%n", round + 1, plain[round], processed[round]);
        }
        double plainMedian = median(plain);
        double processedMedian = median(processed);
        System.out.printf(Locale.ROOT, "{\"phase\": \"summary\", \"networks\": %d, \"rounds\": %d,"
                        + " \"plain_median_ms\": %.1f, \"with_processor_median_ms\": %.1f, \"added_warm_ms\": %.1f,"
                        + " \"cold_runs\": %d, \"added_cold_median_ms\": %.1f}%n",
                NETWORKS, rounds, plainMedian, processedMedian, processedMedian - plainMedian,
                coldRuns, median(coldAdded));
    }

    /**
     * The cold figure, in this fresh JVM: javac warms up first without processing, so that the figure is
     * the processor's own start-up plus javac's first compile of generated code, which every {@code mvn
     * compile} pays, since Maven starts a fresh JVM.
     */
    private static String coldRun() throws IOException {
        JavaCompiler javac = javac();
        List<JavaFileObject> sources = sources();
        Path output = Files.createTempDirectory("lamina-compile-time");
        String classPath = System.getProperty("java.class.path");
        compile(javac, sources, output, classPath, false);
        compile(javac, sources, output, classPath, false);
        double plainWarm = compile(javac, sources, output, classPath, false);
        double processorCold = compile(javac, sources, output, classPath, true);
        return String.format(Locale.ROOT, "{\"phase\": \"cold\", \"networks\": %d, \"plain_ms\": %.1f,"
                + " \"with_processor_ms\": %.1f, \"added_ms\": %.1f}", NETWORKS, plainWarm, processorCold,
                processorCold - plainWarm);
    }

    /** One cold run in a fresh JVM with this one's class path; single runs vary by a third on two cores. */
    private static String runChild() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CompileTime.class.getName(), COLD_CHILD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (child.waitFor() != 0 || !out.startsWith("{\"phase\": \"cold\"")) {
            throw new IllegalStateException("the cold compile run failed (exit " + child.exitValue() + "): " + out);
        }
        return out;
    }

    private static JavaCompiler javac() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run this with a JDK, not a JRE");
        }
        return javac;
    }

    /** Compiles {@code sources}; returns milliseconds. Fails on any compile error, so both runs do the same work. */
    private static double compile(JavaCompiler javac, List<JavaFileObject> sources, Path output, String classPath,
            boolean process) throws IOException {
        List<String> options = new ArrayList<>(List.of("-d", output.toString(), "-classpath", classPath,
                "-s", Files.createDirectories(output.resolve("generated")).toString()));
        if (process) {
            options.addAll(List.of("-processor", "dev.lamina.processor.LaminaProcessor"));
        } else {
            options.add("-proc:none");
        }
        StringWriter diagnostics = new StringWriter();
        long start = System.nanoTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            boolean ok = javac.getTask(diagnostics, files, null, options, null, sources).call();
            double millis = (System.nanoTime() - start) / 1e6;
            if (!ok) {
                throw new IllegalStateException("the benchmark's networks did not compile:\n" + diagnostics);
            }
            return millis;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<JavaFileObject> sources() {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(source("BenchData", """
                package bench;

                import dev.lamina.examples.MnistData;

                /** The examples' MNIST files, for the networks' @Train. */
                public class BenchData extends MnistData {}
                """));
        for (int i = 0; i < NETWORKS / 2; i++) {
            int width = 100 + 50 * i;
            StringBuilder stages = new StringBuilder();
            int in = 784;
            for (int stage = 0; stage <= i % 3; stage++) {
                stages.append(String.format(Locale.ROOT,
                        "    @Linear(in = %d, out = %d) @BatchNorm @ReLU @Dropout(0.2) Layer hidden%d;%n", in, width, stage + 1));
                in = width;
            }
            stages.append(String.format(Locale.ROOT, "    @Linear(in = %d, out = 10) Layer logits;%n", in));
            String optimizer = i % 2 == 0 ? "@Adam(lr = 1e-3)" : "@Sgd(lr = 0.1, momentum = 0.9)\n@StepLr(stepSize = 3, gamma = 0.5)";
            sources.add(source("Mlp" + i, """
                    package bench;

                    import dev.lamina.dsl.*;

                    @Network(input = 784)
                    @Train(data = BenchData.class, epochs = 5, batchSize = 64)
                    %s
                    public abstract class Mlp%d {
                    %s}
                    """.formatted(optimizer, i, stages)));
        }
        for (int i = 0; i < NETWORKS / 2; i++) {
            int channels = 4 + 2 * i;
            sources.add(source("Cnn" + i, """
                    package bench;

                    import dev.lamina.dsl.*;

                    @Network(input = {1, 28, 28})
                    @Train(data = dev.lamina.examples.MnistImageData.class, epochs = 3)
                    @Adam(lr = 1e-3)
                    public abstract class Cnn%d {
                        @Conv2d(in = 1, out = %d, kernel = 3, padding = 1) @BatchNorm @ReLU @MaxPool2d(2) Layer conv1;
                        @Conv2d(in = %d, out = %d, kernel = 3, padding = 1) @BatchNorm @ReLU @MaxPool2d(2) Layer conv2;
                        @Flatten @Dropout(0.2) Layer flat;
                        @Linear(in = %d, out = 10) Layer logits;
                    }
                    """.formatted(i, channels, channels, 2 * channels, 2 * channels * 7 * 7)));
        }
        return sources;
    }

    private static JavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(URI.create("string:///bench/" + className + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
