package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * The generated network takes its methods from {@code CompiledNetwork}'s defaults, but a method of the
 * user's class hierarchy with the same signature would win over a default: the generated class must then
 * override it, so that {@code close()} still frees the network and {@code predict} still predicts.
 */
class InheritedMembersTest {

    @Test
    void methodsTheUsersClassesDeclareAreOverriddenAndTheRestComeFromTheInterface() throws IOException {
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor()).compile(
                JavaFileObjects.forSourceString("test.Base", """
                        package test;

                        public abstract class Base implements AutoCloseable {
                            public boolean closed;

                            @Override
                            public void close() {
                                closed = true;
                            }
                        }
                        """),
                JavaFileObjects.forSourceString("test.Net", """
                        package test;

                        import dev.lamina.dsl.*;

                        @Network(input = 4)
                        public abstract class Net extends Base {
                            @Linear(in = 4, out = 2) Layer logits;

                            int[] predict(float[][] samples) {
                                return new int[0];
                            }
                        }
                        """));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        String generated = compilation.generatedSourceFile("test.NetNetwork").orElseThrow()
                .getCharContent(false).toString();

        assertTrue(generated.contains("""
                    @Override
                    public void close() {
                        network.close();
                    }
                """), generated);
        assertTrue(generated.contains("""
                    @Override
                    public int[] predict(float[][] samples) {
                        return network.predictClasses(samples);
                    }
                """), generated);
        assertTrue(generated.contains("implements CompiledNetwork"), generated);
        assertFalse(generated.contains("forwardEval"), "forwardEval comes from the interface:\n" + generated);
    }
}
