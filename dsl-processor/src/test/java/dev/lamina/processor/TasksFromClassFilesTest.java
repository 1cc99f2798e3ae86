package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Tasks} on a data class that comes compiled (from a jar, another module), read through its annotation
 * mirror like one compiled now: the trainer names the tasks, the width is checked against them, and a mistake in
 * the names, which has no source in this compilation to point at, is reported on {@code @Train(data = ...)}.
 */
class TasksFromClassFilesTest {

    @TempDir
    Path dataClasses;

    private static final String[] DATA = {
        "package data;",
        "import dev.lamina.dsl.Tasks;",
        "import dev.lamina.runtime.data.DataContext;",
        "import dev.lamina.runtime.data.DataSource;",
        "import dev.lamina.runtime.data.TrainTestData;",
        "@Tasks({\"NR-AR\", \"SR-MMP\", \"SR-p53\"})",
        "public class Assays implements DataSource<String> {",
        "    @Override public TrainTestData load(DataContext context) { return null; }",
        "}"};

    private static final String[] REPEATED = {
        "package data;",
        "import dev.lamina.dsl.Tasks;",
        "import dev.lamina.runtime.data.DataContext;",
        "import dev.lamina.runtime.data.DataSource;",
        "import dev.lamina.runtime.data.TrainTestData;",
        "@Tasks({\"NR-AR\", \"NR-AR\"})",
        "public class Repeated implements DataSource<String> {",
        "    @Override public TrainTestData load(DataContext context) { return null; }",
        "}"};

    @Test
    void tasksOfACompiledDataClassReachTheTrainer() throws IOException {
        compileData();
        Compilation compilation = compileNetwork("Assays", 3);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        String trainer = compilation.generatedSourceFile("net.ToxTrainer").orElseThrow().getCharContent(false)
                .toString();
        assertTrue(trainer.contains(".tasks(\"NR-AR\", \"SR-MMP\", \"SR-p53\")"), trainer);
    }

    @Test
    void theWidthIsCheckedAgainstTheTasksOfACompiledDataClass() throws IOException {
        compileData();
        Compilation compilation = compileNetwork("Assays", 2);
        List<String> errors = errors(compilation);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("[lamina:loss] Tox: Assays names 3 tasks with @Tasks (\"NR-AR\","
                + " \"SR-MMP\", \"SR-p53\"), but the last stage logits produces 2 outputs"), errors.get(0));
    }

    @Test
    void aMistakeInTheNamesOfACompiledDataClassIsReportedOnTrainData() throws IOException {
        compileData();
        Compilation compilation = compileNetwork("Repeated", 2);
        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        assertTrue(error.getMessage(null).startsWith("[lamina:tasks] Tox: @Tasks on Repeated names \"NR-AR\" twice"),
                error.getMessage(null));
        assertEquals("net/Tox.java", error.getSource().toUri().getPath().replaceFirst("^/", ""));
        assertEquals(3, error.getLineNumber(), "on @Train(data = ...)");
    }

    private void compileData() throws IOException {
        Compilation data = Compiler.javac().compile(JavaFileObjects.forSourceLines("data.Assays", DATA),
                JavaFileObjects.forSourceLines("data.Repeated", REPEATED));
        assertEquals(Compilation.Status.SUCCESS, data.status(), data.diagnostics().toString());
        for (JavaFileObject file : data.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            Path target = dataClasses.resolve(file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", ""));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, target);
            }
        }
    }

    private Compilation compileNetwork(String data, int outputs) {
        List<File> classpath = new ArrayList<>();
        classpath.add(dataClasses.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        return Compiler.javac().withProcessors(new LaminaProcessor()).withClasspath(classpath)
                .compile(JavaFileObjects.forSourceLines("net.Tox",
                        "package net;",
                        "import dev.lamina.dsl.*;",
                        "@Network(input = 2048) @Train(data = data." + data + ".class, loss = Loss.BCE_WITH_LOGITS)",
                        "public abstract class Tox {",
                        "    @Linear(out = " + outputs + ") Layer logits;",
                        "}"));
    }

    private static List<String> errors(Compilation compilation) {
        return compilation.errors().stream().map(d -> d.getMessage(null)).toList();
    }
}
