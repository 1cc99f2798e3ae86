package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.util.List;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

/**
 * A network extending another network would silently lose the ancestor's stages (the generated class
 * builds the stages its own class declares). Lamina does not inherit stages, so this is one error on the
 * subclass; the ancestor, a valid network, gets none.
 */
class NetworkInheritanceTest {

    @Test
    void aNetworkExtendingANetworkIsOneErrorNamingTheStagesItWouldLose() {
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor()).compile(
                JavaFileObjects.forSourceString("test.BaseMlp", """
                        package test;

                        import dev.lamina.dsl.*;

                        @Network(input = 784)
                        public abstract class BaseMlp {
                            @Linear(out = 300) @ReLU Layer hidden;
                            @Linear(out = 10) Layer logits;
                        }
                        """),
                JavaFileObjects.forSourceString("test.WiderMlp", """
                        package test;

                        import dev.lamina.dsl.*;

                        @Network(input = 784)
                        public abstract class WiderMlp extends BaseMlp {
                            @Linear(out = 10) Layer head;
                        }
                        """));

        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("[lamina:structure] WiderMlp extends the network BaseMlp, but a network does not inherit"
                + " stages (its stages hidden, logits would be left out of WiderMlpNetwork); declare every stage in"
                + " WiderMlp, or extend a class without @Network", errors.get(0).getMessage(null));
        assertEquals(6, errors.get(0).getLineNumber());
    }
}
