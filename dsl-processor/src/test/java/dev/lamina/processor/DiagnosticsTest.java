package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles every source under {@code src/test/resources/diagnostics/} with the processor and checks its
 * diagnostics against the {@code //!} expectations written in the source (see {@link
 * ExpectedDiagnostic}): each expected diagnostic appears with its code, line, column and message, and no
 * other Lamina diagnostic does. A source without expected errors must compile, generated code included.
 */
class DiagnosticsTest {

    static Stream<String> cases() throws IOException {
        Path folder = Paths.get("src/test/resources/diagnostics");
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedDiagnostics(String fileName) throws IOException {
        String resource = "diagnostics/" + fileName;
        String source;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<ExpectedDiagnostic> expected = ExpectedDiagnostic.parse(source);
        JavaFileObject file = JavaFileObjects.forSourceString(className(source, fileName), source);
        InstrumentedProcessor processor = InstrumentedProcessor.recording();
        Compilation compilation = Compiler.javac().withProcessors(processor).compile(file);

        List<Diagnostic<? extends JavaFileObject>> unmatched = new ArrayList<>();
        List<ExpectedDiagnostic> missing = new ArrayList<>(expected);
        for (Diagnostic<? extends JavaFileObject> actual : compilation.diagnostics()) {
            boolean relevant = actual.getKind() == Diagnostic.Kind.ERROR
                    || actual.getMessage(null).startsWith("[lamina:");
            if (!relevant) {
                continue;
            }
            ExpectedDiagnostic match = missing.stream().filter(e -> e.matches(actual)).findFirst().orElse(null);
            if (match != null) {
                missing.remove(match);
            } else {
                unmatched.add(actual);
            }
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder report = new StringBuilder(fileName).append('\n');
            missing.forEach(m -> report.append("  missing:    ").append(m).append('\n'));
            unmatched.forEach(u -> report.append("  unexpected: ").append(u.getKind()).append(" on line ")
                    .append(u.getLineNumber()).append(", column ").append(u.getColumnNumber()).append(": ")
                    .append(u.getMessage(null)).append('\n'));
            fail(report.toString());
        }
        boolean expectsError = expected.stream().anyMatch(e -> e.kind() == Diagnostic.Kind.ERROR);
        assertEquals(expectsError ? Compilation.Status.FAILURE : Compilation.Status.SUCCESS, compilation.status(),
                fileName + ": compilation status");
        if (expectsError) {
            assertEquals(List.of(), processor.createdSources(),
                    fileName + ": a network with errors must get no generated code");
        }
    }

    /** The qualified name compile-testing needs, from the package and the file name. */
    private static String className(String source, String fileName) {
        String simple = fileName.substring(0, fileName.length() - ".java".length());
        return source.startsWith("package test;") ? "test." + simple : simple;
    }
}
