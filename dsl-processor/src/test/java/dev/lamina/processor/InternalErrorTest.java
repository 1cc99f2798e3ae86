package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.util.List;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

/** An exception inside the processor is one error on the network, with the trace, never a javac crash. */
class InternalErrorTest {

    @Test
    void unexpectedExceptionBecomesOneErrorOnTheNetwork() {
        JavaFileObject source = JavaFileObjects.forSourceLines("test.Broken",
                "package test;",
                "import dev.lamina.dsl.*;",
                "@Network(input = 784)",
                "abstract class Broken {",
                "    @Linear(out = 10) Layer logits;",
                "}");
        InstrumentedProcessor processor = InstrumentedProcessor.withFailingTypes();
        Compilation compilation = Compiler.javac().withProcessors(processor).compile(source);

        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertEquals(1, errors.size(), errors.toString());
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        String message = error.getMessage(null);
        assertTrue(message.startsWith("[lamina:internal] Lamina's processor failed on test.Broken;"), message);
        assertTrue(message.contains("injected failure in Types.isSameType"), message);
        assertTrue(message.contains("at dev.lamina.processor.parse.NetworkParser"), message);
        assertEquals(4, error.getLineNumber());
        assertEquals(List.of(), processor.createdSources());
    }
}
