package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import dev.lamina.spec.contract.NetworkIndexFiles;

import java.util.List;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

import org.junit.jupiter.api.Test;

/**
 * A network whose {@code @Train(data)} class another annotation processor generates in a later round
 * waits for it instead of silently getting no code; one that names a class nobody generates gets javac's
 * error alone.
 */
class RoundsTest {

    private static JavaFileObject network(String dataClass) {
        return JavaFileObjects.forSourceLines("test.LateMlp",
                "package test;",
                "import dev.lamina.dsl.*;",
                "@Network(input = 4)",
                "@Train(data = " + dataClass + ".class, loss = Loss.CROSS_ENTROPY)",
                "abstract class LateMlp {",
                "    @Linear(out = 3) Layer logits;",
                "}");
    }

    @Test
    void aNetworkWaitsForADataClassGeneratedInALaterRound() throws Exception {
        InstrumentedProcessor lamina = InstrumentedProcessor.recording();
        Compilation compilation = Compiler.javac()
                .withProcessors(new LateDataSourceProcessor(), lamina)
                .compile(network("GeneratedData"));

        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        assertEquals(List.of("test.LateMlpNetwork", "test.LateMlpTrainer", "test.LateMlpModel"),
                lamina.createdSources());
        assertTrue(compilation.generatedSourceFile("test.LateMlpTrainer").orElseThrow().getCharContent(true)
                .toString().contains("GeneratedData.class"));
        assertTrue(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, NetworkIndexFiles.entryPath("test.LateMlp"))
                .isPresent());
    }

    @Test
    void aDataClassNobodyGeneratesIsJavacsErrorAlone() {
        InstrumentedProcessor lamina = InstrumentedProcessor.recording();
        Compilation compilation = Compiler.javac()
                .withProcessors(new LateDataSourceProcessor(), lamina)
                .compile(network("NobodyGeneratesThis"));

        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).getMessage(null);
        assertTrue(message.contains("cannot find symbol") && !message.startsWith("[lamina:"), message);
        assertEquals(4, errors.get(0).getLineNumber());
        assertTrue(compilation.diagnostics().stream().noneMatch(d -> d.getMessage(null).startsWith("[lamina:")),
                compilation.diagnostics().toString());
        assertEquals(List.of(), lamina.createdSources());
    }
}
