package dev.lamina.processor.fuzz;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.LaminaNetwork;
import dev.lamina.spec.StageSpec;
import dev.lamina.runtime.train.TrainingConfig;
import dev.lamina.spec.contract.NetworkIndexFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Runs generated cases through javac with the processor, several networks per compilation, and checks the
 * properties of issue 7 against the {@link Oracle}'s verdicts:
 *
 * <ol>
 *   <li>the processor never throws (no {@code [lamina:internal]}, nothing escapes javac) nor hangs;
 *   <li>every error the oracle requires is there, with its code, on its member's line; no error appears
 *       that the oracle neither requires nor tolerates (so no valid network gets one);
 *   <li>a network with errors gets no generated source; javac's own errors are not buried;
 *   <li>every accepted network's generated code compiles; its constants, summary, architecture and index
 *       entry say what the oracle computed (exact parameter counts, stage outputs, name);
 *   <li>for a sample of small ones, the network built on DJL gives the predicted output shape, parameter
 *       counts and names, and the trainer's defaults pass the runtime's own checks.
 * </ol>
 *
 * <p>Invalid and valid cases compile separately: an error anywhere stops javac before it compiles the
 * generated code of the others. Cases javac itself rejects compile on their own for the same reason.
 */
final class FuzzCampaign {

    /** Settings; each has a system property, so CI and a long campaign run the same test. */
    record Settings(long seed, int cases, int batchSize, Duration budget, int sampleEvery, int sampleCap,
            Duration batchTimeout, boolean strict, Path reportDirectory) {

        static Settings fromSystemProperties(long seed, int cases, Duration budget) {
            return new Settings(
                    Long.getLong("lamina.fuzz.seed", seed),
                    Integer.getInteger("lamina.fuzz.cases", cases),
                    Integer.getInteger("lamina.fuzz.batch", 40),
                    Duration.ofSeconds(Long.getLong("lamina.fuzz.seconds", budget.toSeconds())),
                    Integer.getInteger("lamina.fuzz.sampleEvery", 10),
                    Integer.getInteger("lamina.fuzz.sampleCap", 60),
                    Duration.ofSeconds(Long.getLong("lamina.fuzz.batchTimeoutSeconds", 120)),
                    Boolean.getBoolean("lamina.fuzz.strict"),
                    Path.of(System.getProperty("lamina.fuzz.reportDirectory", "target/fuzz")));
        }
    }

    /** A property that did not hold for a case. */
    record Failure(FuzzCase fuzzCase, Verdict verdict, String property, String detail, String knownBug) {

        String headline() {
            return (knownBug != null ? "[known " + knownBug + "] " : "") + fuzzCase.className() + " (case seed "
                    + fuzzCase.caseSeed + "): " + property + ": " + firstLines(detail, 6);
        }
    }

    private static final Pattern CODE = Pattern.compile("^\\[(lamina:[a-z]+)\\]");
    private static final Pattern FILE = Pattern.compile("(Case\\d+)(?:_Net)?(Network|Trainer)?\\.java$");

    private final Settings settings;
    private final CaseGenerator generator;
    private final ExecutorService javac = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-javac");
        t.setDaemon(true);
        return t;
    });

    final List<Failure> failures = new ArrayList<>();
    final Map<String, Integer> counts = new TreeMap<>();
    /** Milliseconds spent, by activity. */
    final Map<String, Long> millis = new TreeMap<>();
    private int sampledRunnable;
    private boolean hung;
    long startNanos;
    long endNanos;
    int casesRun;

    FuzzCampaign(Settings settings) {
        this.settings = settings;
        this.generator = new CaseGenerator(settings.seed());
    }

    void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** Runs cases {@code 0..cases-1} in batches until done or the budget is spent. */
    void run() {
        startNanos = System.nanoTime();
        for (int start = 0; start < settings.cases() && !hung; start += settings.batchSize()) {
            if (System.nanoTime() - startNanos > settings.budget().toNanos()) {
                count("stopped early: budget spent");
                break;
            }
            List<FuzzCase> batch = new ArrayList<>();
            for (int i = start; i < Math.min(settings.cases(), start + settings.batchSize()); i++) {
                batch.add(generator.generate(i));
            }
            runBatch(batch);
        }
        endNanos = System.nanoTime();
        javac.shutdownNow();
    }

    /** Runs the given cases (a replay of one, say). */
    void runCases(List<FuzzCase> cases) {
        startNanos = System.nanoTime();
        runBatch(cases);
        endNanos = System.nanoTime();
        javac.shutdownNow();
    }

    FuzzCase generate(int index) {
        return generator.generate(index);
    }

    // ---------------------------------------------------------------- one batch

    private final class Run {
        final FuzzCase c;
        final Verdict v;
        boolean accepted;

        Run(FuzzCase c) {
            this.c = c;
            this.v = Oracle.judge(c);
        }
    }

    private void runBatch(List<FuzzCase> batch) {
        List<Run> runs = batch.stream().map(Run::new).toList();
        casesRun += runs.size();
        List<Run> javacRuns = new ArrayList<>();
        List<Run> rejectRuns = new ArrayList<>();
        List<Run> acceptRuns = new ArrayList<>();
        for (Run run : runs) {
            count("verdict " + run.v.kind());
            if (run.c.graph) {
                count("graph cases, verdict " + run.v.kind());
                run.c.mutations.stream().filter(m -> !m.equals("graph")).forEach(m -> count("graph mistake " + m));
            }
            switch (run.v.kind()) {
                case JAVAC -> javacRuns.add(run);
                case VALID -> acceptRuns.add(run);
                default -> rejectRuns.add(run);
            }
        }
        if (!rejectRuns.isEmpty()) {
            Compiled first = compile(rejectRuns);
            List<Run> spoilers = first == null ? List.of() : rejectRuns.stream()
                    .filter(run -> first.diagnosticsOf(run.c).stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
                            && first.inOwnSource(d, run.c) && !message(d).startsWith("[lamina:")))
                    .toList();
            List<Run> rest = new ArrayList<>(rejectRuns);
            if (!spoilers.isEmpty()) {
                // javac's own error in a case the oracle did not expect it in can stop processing for all the
                // others: report those cases, then check the others without them.
                for (Run run : spoilers) {
                    checkDiagnostics(run, first, false);
                }
                count("recompilations without an unexpected javac error");
                rest.removeAll(spoilers);
            }
            Compiled compiled = spoilers.isEmpty() || rest.isEmpty() ? first : compile(rest);
            if (compiled != null) {
                for (Run run : rest) {
                    checkDiagnostics(run, compiled, false);
                    if (run.accepted) {
                        acceptRuns.add(run); // open case accepted, or a missed error: compile its code too
                    }
                }
            }
        }
        compileAccepted(acceptRuns);
        if (!javacRuns.isEmpty()) {
            Compiled compiled = compile(javacRuns);
            for (Run run : javacRuns) {
                if (compiled == null || !hasJavacError(run, compiled)) {
                    // Another case's error may have stopped javac early; on its own it must still hold.
                    Compiled alone = compile(List.of(run));
                    if (alone != null && !hasJavacError(run, alone)) {
                        fail(run, "javac's error is missing", "expected " + run.v.mandatory + "; got "
                                + describe(alone.diagnosticsOf(run.c)));
                    }
                    if (alone != null) {
                        checkNoInternalError(run, alone);
                    }
                } else {
                    checkNoInternalError(run, compiled);
                }
            }
        }
    }

    /**
     * Whether the source that javac rejects fails to compile with an error in it: javac's own where javac
     * finds it before annotation processing; an error javac only finds when attributing (after processing)
     * may come after the processor's errors, which then stop javac first.
     */
    private boolean hasJavacError(Run run, Compiled compiled) {
        boolean javacOwn = false;
        boolean any = false;
        for (Diagnostic<? extends JavaFileObject> d : compiled.diagnosticsOf(run.c)) {
            if (d.getKind() == Diagnostic.Kind.ERROR && compiled.inOwnSource(d, run.c)) {
                any = true;
                javacOwn |= !message(d).startsWith("[lamina:") && run.v.mandatory.get(0).matches(d.getLineNumber(), "javac");
            }
        }
        if (javacOwn) {
            count("javac's own error shown");
        }
        return any;
    }

    private void checkNoInternalError(Run run, Compiled compiled) {
        for (Diagnostic<? extends JavaFileObject> d : compiled.diagnosticsOf(run.c)) {
            if (message(d).contains("[lamina:internal]")) {
                fail(run, "the processor threw", message(d));
            }
        }
    }

    /** Compiles the accepted cases together; drops cases with errors and retries, then checks the code. */
    private void compileAccepted(List<Run> accepted) {
        List<Run> remaining = new ArrayList<>(accepted);
        for (int attempt = 0; attempt < 4 && !remaining.isEmpty(); attempt++) {
            Compiled compiled = compile(remaining);
            if (compiled == null) {
                return;
            }
            if (compiled.compilation.status() == Compilation.Status.SUCCESS) {
                for (Run run : remaining) {
                    checkDiagnostics(run, compiled, true);
                }
                checkGenerated(remaining, compiled);
                return;
            }
            List<Run> failed = new ArrayList<>();
            for (Run run : remaining) {
                boolean hasError = compiled.diagnosticsOf(run.c).stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
                if (hasError) {
                    checkDiagnostics(run, compiled, true);
                    failed.add(run);
                }
            }
            if (failed.isEmpty()) {
                List<Diagnostic<? extends JavaFileObject>> stray = compiled.compilation.errors();
                count("compilations failing without an attributable error");
                for (Run run : remaining) {
                    fail(run, "compilation of accepted networks failed", describe(stray));
                }
                return;
            }
            remaining.removeAll(failed);
        }
    }

    // ---------------------------------------------------------------- compiling

    /** One javac run over some cases, with its diagnostics sorted by case. */
    private final class Compiled {
        final Compilation compilation;
        final RecordingProcessor processor;
        final Map<String, List<Diagnostic<? extends JavaFileObject>>> byCase = new LinkedHashMap<>();
        final Map<Diagnostic<? extends JavaFileObject>, Boolean> ownSource = new LinkedHashMap<>();

        Compiled(Compilation compilation, RecordingProcessor processor, List<Run> runs) {
            this.compilation = compilation;
            this.processor = processor;
            for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
                Matcher file = d.getSource() == null ? null : FILE.matcher(d.getSource().toUri().getPath());
                if (file == null || !file.find()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR || message(d).contains("[lamina:")) {
                        for (Run run : runs) {
                            byCase.computeIfAbsent(run.c.className(), k -> new ArrayList<>()).add(d);
                            ownSource.put(d, false);
                        }
                    }
                    continue;
                }
                byCase.computeIfAbsent(file.group(1), k -> new ArrayList<>()).add(d);
                ownSource.put(d, file.group(2) == null);
            }
        }

        List<Diagnostic<? extends JavaFileObject>> diagnosticsOf(FuzzCase c) {
            return byCase.getOrDefault(c.className(), List.of());
        }

        boolean inOwnSource(Diagnostic<? extends JavaFileObject> d, FuzzCase c) {
            return ownSource.getOrDefault(d, false);
        }
    }

    private Compiled compile(List<Run> runs) {
        count("javac invocations");
        RecordingProcessor processor = new RecordingProcessor();
        List<JavaFileObject> files = new ArrayList<>();
        files.add(JavaFileObjects.forResource("fuzz/Data.java"));
        runs.forEach(r -> files.add(JavaFileObjects.forSourceString(r.c.qualifiedName(), r.c.render())));
        long started = System.nanoTime();
        Future<Compilation> future = javac.submit(() -> Compiler.javac()
                .withProcessors(processor)
                .withOptions("-Xmaxerrs", "100000", "-Xmaxwarns", "100000", "-Xlint:none")
                .compile(files));
        try {
            Compilation compilation = future.get(settings.batchTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            millis.merge("javac", (System.nanoTime() - started) / 1_000_000, Long::sum);
            if (Boolean.getBoolean("lamina.fuzz.trace")) {
                System.err.printf("javac: %d files, %d ms%n", runs.size(), (System.nanoTime() - started) / 1_000_000);
            }
            return new Compiled(compilation, processor, runs);
        } catch (TimeoutException e) {
            future.cancel(true);
            hung = true;
            for (Run run : runs) {
                fail(run, "javac with the processor hung", "no result after " + settings.batchTimeout()
                        + " for a compilation of " + runs.size() + " cases");
            }
            return null;
        } catch (ExecutionException e) {
            if (runs.size() == 1) {
                fail(runs.get(0), "an exception escaped javac", stackTrace(e.getCause()));
                return null;
            }
            // Find the case(s) that make it throw.
            count("bisections after an escaped exception");
            for (Run run : runs) {
                Compiled alone = compile(List.of(run));
                if (alone != null) {
                    checkDiagnostics(run, alone, false);
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- diagnostics against the verdict

    private void checkDiagnostics(Run run, Compiled compiled, boolean codeCompiled) {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compiled.diagnosticsOf(run.c);
        if (Boolean.getBoolean("lamina.fuzz.trace")) {
            diagnostics.forEach(d -> System.err.println(run.c.className() + ": " + d.getKind() + " " + locate(d)
                    + firstLines(message(d), 8)));
        }
        boolean errors = false;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            String text = message(d);
            if (text.contains("[lamina:internal]")) {
                fail(run, "the processor threw", text);
                errors = true;
                continue;
            }
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            errors = true;
            if (!compiled.inOwnSource(d, run.c)) {
                fail(run, "generated code does not compile", locate(d) + text);
                continue;
            }
            Matcher code = CODE.matcher(text);
            if (!code.find()) {
                fail(run, "an error without a Lamina code", locate(d) + text);
            } else if (!run.v.permits(d.getLineNumber(), code.group(1))) {
                fail(run, run.v.kind() == Verdict.Kind.VALID ? "an error on a valid network"
                        : "an error the rules do not call for (wrong member or wrong code)", locate(d) + text);
            }
        }
        // An invalid case compiles a second time only because its errors were missed: reported already.
        boolean secondLook = codeCompiled && run.v.kind() == Verdict.Kind.INVALID;
        for (Verdict.Expected expected : secondLook ? List.<Verdict.Expected>of() : run.v.mandatory) {
            boolean found = diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
                    && compiled.inOwnSource(d, run.c) && CODE.matcher(message(d)).find()
                    && expected.matches(d.getLineNumber(), codeOf(d)));
            if (!found) {
                fail(run, "a required error is missing", "expected " + expected + "; got " + describe(diagnostics));
            }
        }
        boolean ownErrors = diagnostics.stream()
                .anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR && compiled.inOwnSource(d, run.c));
        if (ownErrors) {
            List<String> generated = compiled.processor.createdSources().stream()
                    .filter(s -> s.equals(run.c.generated("Network")) || s.equals(run.c.generated("Trainer"))).toList();
            if (!generated.isEmpty()) {
                fail(run, "code generated for a network with errors", generated.toString());
            }
        }
        if (!errors && !codeCompiled) {
            run.accepted = true;
        }
        if (!errors) {
            count(codeCompiled ? "accepted" : "accepted among invalid/open");
        } else {
            count("rejected");
        }
    }

    private static String codeOf(Diagnostic<? extends JavaFileObject> d) {
        Matcher code = CODE.matcher(message(d));
        return code.find() ? code.group(1) : "javac";
    }

    // ---------------------------------------------------------------- the generated code

    private void checkGenerated(List<Run> runs, Compiled compiled) {
        Path classes;
        try {
            classes = Files.createTempDirectory("lamina-fuzz");
            writeClassOutput(compiled.compilation, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            String list = read(classes.resolve(NetworkIndexFiles.LIST));
            for (Run run : runs) {
                try {
                    checkGenerated(run, compiled, loader, classes, list);
                } catch (Exception | LinkageError e) {
                    fail(run, "checking the generated code failed", stackTrace(e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(classes);
        }
    }

    private void checkGenerated(Run run, Compiled compiled, ClassLoader loader, Path classes, String list)
            throws Exception {
        FuzzCase c = run.c;
        Verdict v = run.v;
        String networkClass = c.generated("Network");
        String trainerClass = c.generated("Trainer");
        boolean hasNetwork = compiled.compilation.generatedSourceFile(networkClass).isPresent();
        boolean hasTrainer = compiled.compilation.generatedSourceFile(trainerClass).isPresent();
        if (!v.network) {
            if (hasNetwork || hasTrainer) {
                fail(run, "code generated for a class that is no network", networkClass);
            }
            return;
        }
        if (run.v.kind() == Verdict.Kind.INVALID) {
            return; // a missed error, already reported; that its generated code compiled is all to check
        }
        if (!hasNetwork) {
            fail(run, "no network generated for a valid network", networkClass + " is missing");
            return;
        }
        if (v.graph) {
            checkGraph(run, Class.forName(networkClass, true, loader));
            return;
        }
        if (hasTrainer != v.train) {
            fail(run, "trainer generated " + (hasTrainer ? "without" : "despite no") + " @Train", trainerClass);
        }
        count("generated code compiled");
        Class<?> network = Class.forName(networkClass, true, loader);
        long trainable = network.getField("TRAINABLE_PARAMETERS").getLong(null);
        long nonTrainable = network.getField("NON_TRAINABLE_PARAMETERS").getLong(null);
        long flops = network.getField("FLOPS_PER_SAMPLE").getLong(null);
        String summary = (String) network.getField("SUMMARY").get(null);
        Architecture architecture = (Architecture) network.getField("ARCHITECTURE").get(null);
        if (!v.trainable.equals(BigInteger.valueOf(trainable)) || !v.nonTrainable.equals(BigInteger.valueOf(nonTrainable))) {
            fail(run, "parameter counts in the generated constants are wrong", "TRAINABLE_PARAMETERS = " + trainable
                    + ", NON_TRAINABLE_PARAMETERS = " + nonTrainable + "; exact: " + v.trainable + ", " + v.nonTrainable);
        }
        if (flops < 0) {
            fail(run, "FLOPS_PER_SAMPLE is negative", Long.toString(flops));
        }
        checkSummary(run, summary);
        checkArchitecture(run, architecture);
        checkIndexEntry(run, classes, list);
        if (v.train) {
            checkTrainer(run, loader, trainerClass);
        }
        if (v.runnable()) {
            sampledRunnable++;
            if (sampledRunnable % settings.sampleEvery() == 1 % settings.sampleEvery()
                    && counts.getOrDefault("ran on DJL", 0) < settings.sampleCap()) {
                runOnDjl(run, network);
            }
        }
    }

    /** A valid graph network: {@code GRAPH} has its stages in order, the predicted outputs and parameter counts. */
    private void checkGraph(Run run, Class<?> network) throws Exception {
        count("graph generated code compiled");
        Verdict v = run.v;
        dev.lamina.spec.graph.GraphSpec graph = (dev.lamina.spec.graph.GraphSpec) network.getField("GRAPH").get(null);
        String summary = (String) network.getField("SUMMARY").get(null);
        List<String> nodes = graph.nodes().stream().map(dev.lamina.spec.graph.GraphNode::name).toList();
        List<String> expectedNodes = List.copyOf(v.graphWidths.keySet());
        if (!nodes.equals(expectedNodes)) {
            fail(run, "the graph's stages are wrong", "GRAPH nodes " + nodes + "; expected " + expectedNodes);
        }
        if (!new java.util.TreeSet<>(graph.outputs()).equals(new java.util.TreeSet<>(v.graphOutputs))) {
            fail(run, "the graph's outputs are wrong", "GRAPH outputs " + graph.outputs() + "; expected " + v.graphOutputs);
        }
        long trainable = graph.parameters().stream().filter(p -> p.trainable()).mapToLong(p -> p.shape().size()).sum();
        long nonTrainable = graph.parameters().stream().filter(p -> !p.trainable()).mapToLong(p -> p.shape().size()).sum();
        if (!v.trainable.equals(BigInteger.valueOf(trainable)) || !v.nonTrainable.equals(BigInteger.valueOf(nonTrainable))) {
            fail(run, "the graph's parameter counts are wrong", "GRAPH parameters " + trainable + " + " + nonTrainable
                    + "; exact: " + v.trainable + " + " + v.nonTrainable);
        }
        for (String stage : expectedNodes) {
            if (!summary.contains(stage)) {
                fail(run, "the graph's summary misses a stage", stage + " not in\n" + summary);
            }
        }
    }

    private void checkSummary(Run run, String summary) {
        Verdict v = run.v;
        if (!summary.startsWith("Network: \"" + v.name + "\"\n")) {
            fail(run, "the summary names the network wrongly", "expected " + v.name + "; summary:\n" + summary);
        }
        String[] lines = summary.split("\n", -1);
        List<String> rows = new ArrayList<>();
        int rules = 0;
        for (String line : lines) {
            if (line.startsWith("=")) {
                rules++;
            } else if (rules == 1) {
                rows.add(line);
            }
        }
        List<String> expectedRows = new ArrayList<>();
        expectedRows.add("input " + withBatch(v.input));
        v.stages.forEach(s -> expectedRows.add(s.name() + " " + withBatch(s.output())));
        boolean rowsMatch = rows.size() == expectedRows.size();
        for (int i = 0; rowsMatch && i < rows.size(); i++) {
            String row = rows.get(i).strip();
            String[] expected = expectedRows.get(i).split(" ", 2);
            rowsMatch = row.startsWith(expected[0] + " ") && row.contains(expected[1]);
        }
        if (!rowsMatch) {
            fail(run, "the summary's stages or output shapes are wrong", "expected rows " + expectedRows + "; summary:\n"
                    + summary);
        }
        String trainable = " Trainable params: " + String.format(Locale.ROOT, "%,d", v.trainable) + " (";
        String nonTrainable = " Non-trainable params: " + String.format(Locale.ROOT, "%,d", v.nonTrainable) + " (";
        String total = " Total params: " + String.format(Locale.ROOT, "%,d", v.trainable.add(v.nonTrainable)) + " (";
        boolean negative = Arrays.stream(lines).filter(l -> l.contains("params:") || l.contains("FLOPs") || l.contains("Activations"))
                .anyMatch(l -> l.matches(".*-\\d.*"));
        if (!summary.contains(trainable) || !summary.contains(nonTrainable) || !summary.contains(total) || negative) {
            fail(run, "the summary's totals are wrong", "expected" + total + "," + trainable + "," + nonTrainable
                    + "; summary:\n" + summary);
        }
    }

    private void checkArchitecture(Run run, Architecture architecture) {
        Verdict v = run.v;
        List<String> stages = architecture.stages().stream().map(StageSpec::name).toList();
        List<String> expected = v.stages.stream().map(Verdict.Stage::name).toList();
        long[] input = v.input.stream().mapToLong(Long::longValue).toArray();
        if (!architecture.name().equals(v.name) || !Arrays.equals(architecture.inputShape(), input)
                || !stages.equals(expected)) {
            fail(run, "the generated ARCHITECTURE differs from the declaration", architecture.name() + " "
                    + Arrays.toString(architecture.inputShape()) + " " + stages + "; expected " + v.name + " " + v.input
                    + " " + expected);
        }
    }

    private void checkIndexEntry(Run run, Path classes, String list) throws IOException {
        Verdict v = run.v;
        String qualified = run.c.networkQualifiedName();
        if (list == null || !list.lines().toList().contains(qualified)) {
            fail(run, "the network list does not name the network", String.valueOf(list));
        }
        Path entryFile = classes.resolve(NetworkIndexFiles.entryPath(qualified));
        if (!Files.exists(entryFile)) {
            fail(run, "no index entry", entryFile.toString());
            return;
        }
        Properties entry = new Properties();
        try (Reader in = Files.newBufferedReader(entryFile, StandardCharsets.UTF_8)) {
            entry.load(in);
        }
        Map<String, String> expected = new TreeMap<>();
        expected.put("name", v.name);
        expected.put("class", qualified);
        expected.put("network", run.c.generated("Network"));
        if (v.train) {
            expected.put("trainer", run.c.generated("Trainer"));
        }
        expected.put("output", v.output().stream().map(String::valueOf).collect(Collectors.joining(",")));
        expected.put("batchNorm", String.valueOf(v.batchNorm));
        expected.put("tests.enabled", String.valueOf(v.testsEnabled));
        expected.put("tests.batchSize", String.valueOf(v.testsBatchSize));
        expected.put("tests.steps", String.valueOf(v.testsSteps));
        Map<String, String> differences = new TreeMap<>();
        expected.forEach((key, value) -> {
            if (!value.equals(entry.getProperty(key))) {
                differences.put(key, "expected " + quote(value) + ", read back " + quote(entry.getProperty(key)));
            }
        });
        List<Double> dropouts = Arrays.stream(entry.getProperty("dropout", "").split(",")).filter(s -> !s.isBlank())
                .map(Double::valueOf).toList();
        if (!dropouts.equals(v.dropouts)) {
            differences.put("dropout", "expected " + v.dropouts + ", read back " + dropouts);
        }
        String tolerance = entry.getProperty("tests.tolerance");
        if (tolerance == null || Double.compare(Double.parseDouble(tolerance), v.testsTolerance) != 0) {
            differences.put("tests.tolerance", "expected " + v.testsTolerance + ", read back " + tolerance);
        }
        if (!differences.isEmpty()) {
            fail(run, "the index entry does not read back as written", differences.toString());
        }
    }

    private void checkTrainer(Run run, ClassLoader loader, String trainerClass) throws Exception {
        Class<?> trainer;
        try {
            trainer = Class.forName(trainerClass, true, loader);
        } catch (ExceptionInInitializerError e) {
            fail(run, "the generated trainer fails to initialise", stackTrace(e.getCause()));
            return;
        }
        TrainingConfig defaults = (TrainingConfig) trainer.getField("DEFAULTS").get(null);
        try {
            defaults.validate();
            count("trainer defaults validated");
        } catch (IllegalArgumentException e) {
            fail(run, "the runtime rejects training settings the processor accepted", e.getMessage());
        }
    }

    private void runOnDjl(Run run, Class<?> network) throws Exception {
        long started = System.nanoTime();
        try {
            runOnDjlTimed(run, network);
        } finally {
            millis.merge("DJL", (System.nanoTime() - started) / 1_000_000, Long::sum);
        }
    }

    private void runOnDjlTimed(Run run, Class<?> network) throws Exception {
        count("ran on DJL");
        if (run.c.render().contains("@Conv2d") || run.c.render().contains("Pool2d")) {
            count("ran on DJL: with convolution or pooling");
        }
        Verdict v = run.v;
        Object instance;
        try {
            instance = network.getConstructor(Device.class, int.class).newInstance(Device.cpu(), 7);
        } catch (InvocationTargetException e) {
            fail(run, "the generated network fails to build on DJL", stackTrace(e.getCause()));
            return;
        }
        AutoCloseable closing = (AutoCloseable) instance;
        try {
            LaminaNetwork lamina = (LaminaNetwork) network.getMethod("network").invoke(instance);
            long trainable = network.getField("TRAINABLE_PARAMETERS").getLong(null);
            long nonTrainable = network.getField("NON_TRAINABLE_PARAMETERS").getLong(null);
            if (lamina.trainableParameterCount() != trainable || lamina.nonTrainableParameterCount() != nonTrainable
                    || !v.trainable.equals(BigInteger.valueOf(lamina.trainableParameterCount()))
                    || !v.nonTrainable.equals(BigInteger.valueOf(lamina.nonTrainableParameterCount()))) {
                fail(run, "DJL's parameter counts differ from the compile-time summary", "DJL "
                        + lamina.trainableParameterCount() + " + " + lamina.nonTrainableParameterCount() + ", summary "
                        + trainable + " + " + nonTrainable + ", exact " + v.trainable + " + " + v.nonTrainable);
            }
            if (!lamina.parameterNames().equals(v.parameterNames())) {
                fail(run, "DJL's parameter names differ", lamina.parameterNames() + "; expected " + v.parameterNames());
            }
            int batch = 3;
            long[] inputShape = new long[v.input.size() + 1];
            inputShape[0] = batch;
            for (int i = 0; i < v.input.size(); i++) {
                inputShape[i + 1] = v.input.get(i);
            }
            long[] outputShape = new long[v.output().size() + 1];
            outputShape[0] = batch;
            for (int i = 0; i < v.output().size(); i++) {
                outputShape[i + 1] = v.output().get(i);
            }
            try (NDManager scope = lamina.manager().newSubManager()) {
                NDArray input = scope.randomUniform(-1f, 1f, new ai.djl.ndarray.types.Shape(inputShape));
                for (String mode : List.of("forwardEval", "forwardTrain")) {
                    NDArray output = (NDArray) network.getMethod(mode, NDArray.class).invoke(instance, input);
                    long[] actual = output.getShape().getShape();
                    if (!Arrays.equals(actual, outputShape)) {
                        fail(run, mode + " gives another shape than the summary", Arrays.toString(actual)
                                + "; expected " + Arrays.toString(outputShape));
                    }
                }
            }
        } catch (InvocationTargetException e) {
            fail(run, "the generated network fails on DJL", stackTrace(e.getCause()));
        } finally {
            closing.close();
        }
    }

    // ---------------------------------------------------------------- failures and helpers

    private void fail(Run run, String property, String detail) {
        String known = settings.strict() ? null : KnownBugs.match(run.c, run.v, property, detail);
        Failure failure = new Failure(run.c, run.v, property, detail, known);
        failures.add(failure);
        count(known != null ? "known bug " + known : "FAILURE " + property);
    }

    List<Failure> newFailures() {
        return failures.stream().filter(f -> f.knownBug() == null).toList();
    }

    private static String message(Diagnostic<? extends JavaFileObject> d) {
        return d.getMessage(Locale.ROOT);
    }

    private static String locate(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "?" : d.getSource().toUri().getPath().replaceFirst(".*/", "");
        return file + ":" + d.getLineNumber() + ": ";
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<String> errors = diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> locate(d) + firstLines(message(d), 1)).toList();
        return errors.isEmpty() ? "no error" : errors.toString();
    }

    static String firstLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join("\n", Arrays.copyOf(lines, Math.min(n, lines.length)))
                + (lines.length > n ? "\n  ..." : "");
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static String withBatch(List<Long> dims) {
        return dims == null ? "(unknown)"
                : dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(N, ", ")"));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static void writeClassOutput(Compilation compilation, Path directory) throws IOException {
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

    private static String read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; nothing to do
        }
    }

    // ---------------------------------------------------------------- the report

    String report() {
        double seconds = (endNanos - startNanos) / 1e9;
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Lamina processor fuzz: seed %d, %d cases in %.1f s%n", settings.seed(),
                casesRun, seconds));
        counts.forEach((k, n) -> text.append(String.format(Locale.ROOT, "  %-60s %6d%n", k, n)));
        millis.forEach((k, n) -> text.append(String.format(Locale.ROOT, "  %-60s %6.1f s%n", "time in " + k, n / 1e3)));
        text.append(String.format(Locale.ROOT, "  %-60s %6d%n", "cases with a failure (new)",
                newFailures().stream().map(Failure::fuzzCase).distinct().count()));
        text.append(String.format(Locale.ROOT, "  %-60s %6d%n", "cases with a failure (known bugs)",
                failures.stream().filter(f -> f.knownBug() != null).map(Failure::fuzzCase).distinct().count()));
        Map<String, List<Failure>> byProperty = new TreeMap<>();
        for (Failure f : failures) {
            byProperty.computeIfAbsent((f.knownBug() != null ? "known " + f.knownBug() + ": " : "NEW: ") + f.property(),
                    k -> new ArrayList<>()).add(f);
        }
        byProperty.forEach((property, list) -> {
            text.append(String.format(Locale.ROOT, "%n%s (%d cases)%n", property,
                    list.stream().map(Failure::fuzzCase).distinct().count()));
            Failure first = list.get(0);
            list.stream().map(Failure::fuzzCase).distinct().skip(1).limit(4).forEach(other -> text.append("  also ")
                    .append(other.className()).append(" (case seed ").append(other.caseSeed).append(")\n"));
            text.append("  e.g. ").append(first.headline().replace("\n", "\n  ")).append('\n');
            text.append("  verdict: ").append(first.verdict()).append('\n');
            text.append("  ").append(first.fuzzCase().render().replace("\n", "\n  ")).append('\n');
        });
        return text.toString();
    }

    /** Writes the report and every failing case's source, with its failures as a comment, for replaying. */
    void writeReport() {
        try {
            Path directory = settings.reportDirectory();
            if (Files.exists(directory.resolve("failures"))) {
                deleteRecursively(directory.resolve("failures"));
            }
            Files.createDirectories(directory.resolve("failures"));
            Files.writeString(directory.resolve("report-seed-" + settings.seed() + ".txt"), report());
            Map<FuzzCase, List<Failure>> byCase = new LinkedHashMap<>();
            failures.forEach(f -> byCase.computeIfAbsent(f.fuzzCase(), k -> new ArrayList<>()).add(f));
            int written = 0;
            for (Map.Entry<FuzzCase, List<Failure>> e : byCase.entrySet()) {
                if (written++ >= 500) {
                    break;
                }
                StringBuilder text = new StringBuilder("// seed " + settings.seed() + ", replay with -Dlamina.fuzz.case="
                        + e.getKey().index + "\n// verdict: " + e.getValue().get(0).verdict() + "\n");
                e.getValue().forEach(f -> text.append("// ").append((f.knownBug() != null ? "[known " + f.knownBug() + "] " : "")
                        + f.property() + ": " + firstLines(f.detail(), 80).replace("\n", "\n//   ")).append('\n'));
                text.append(e.getKey().render());
                Files.writeString(directory.resolve("failures/" + e.getKey().className() + ".java"), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
