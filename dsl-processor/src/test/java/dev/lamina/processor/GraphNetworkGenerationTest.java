package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import dev.lamina.runtime.graph.GraphNetwork;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.ReLUSpec;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph network compiles to {@code GRAPH}, the graph with every inferred width written out, whose summary
 * says what each stage reads, and its {@code create} builds a {@code GraphNetwork} that runs forward on named
 * inputs.
 */
class GraphNetworkGenerationTest {

    @TempDir
    Path classes;

    @Test
    void generatedGraphHasTheInferredWidthsAndRunsOnGraphNetwork() throws Exception {
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor())
                .compile(JavaFileObjects.forResource("graphs/TwoInputs.java"));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        String source = compilation.generatedSourceFile("dev.lamina.examples.TwoInputsNetwork").orElseThrow()
                .getCharContent(false).toString();
        assertTrue(source.contains("new GraphNode(\"joint\", List.of(\"fp\", \"desc\"), Merge.CONCAT, false,"
                + " List.of(new LinearSpec(20, 16), new BatchNormSpec("), source);
        assertTrue(source.contains("Connected to"), source);
        assertTrue(source.contains("concat(fp, desc)"), source);
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = classes.resolve(file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", ""));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> generated = loader.loadClass("dev.lamina.examples.TwoInputsNetwork");
            GraphSpec graph = (GraphSpec) generated.getField("GRAPH").get(null);
            GraphSpec expected = new GraphSpec("TwoInputs",
                    List.of(new GraphInput("fingerprint", dev.lamina.spec.Shape.of(32)),
                            new GraphInput("descriptors", dev.lamina.spec.Shape.of(8))),
                    List.of(new GraphNode("fp", List.of("fingerprint"), Merge.NONE, false,
                                    List.of(new LinearSpec(32, 16), new ReLUSpec())),
                            new GraphNode("desc", List.of("descriptors"), Merge.NONE, false,
                                    List.of(new LinearSpec(8, 4), new ReLUSpec())),
                            new GraphNode("joint", List.of("fp", "desc"), Merge.CONCAT, false,
                                    List.of(new LinearSpec(20, 16), new BatchNormSpec(16, 1e-5, 0.1), new ReLUSpec())),
                            new GraphNode("block", List.of(), Merge.NONE, true,
                                    List.of(new LinearSpec(16, 16), new ReLUSpec())),
                            new GraphNode("assays", List.of("block"), Merge.NONE, false, List.of(new LinearSpec(16, 3))),
                            new GraphNode("solubility", List.of("joint"), Merge.NONE, false,
                                    List.of(new LinearSpec(16, 1)))),
                    List.of("assays", "solubility"));
            assertEquals(expected, graph);
            String summary = (String) generated.getField("SUMMARY").get(null);
            assertTrue(summary.contains(" block "), summary);

            try (GraphNetwork network = (GraphNetwork) generated.getMethod("create", Device.class, int.class)
                            .invoke(null, Device.cpu(), 7);
                    NDManager scope = network.manager().newSubManager()) {
                NDArray fingerprint = scope.randomUniform(0, 1, new Shape(5, 32));
                NDArray descriptors = scope.randomUniform(0, 1, new Shape(5, 8));
                Map<String, NDArray> outputs = network.forwardEval(
                        Map.of("fingerprint", fingerprint, "descriptors", descriptors));
                assertEquals(List.of("assays", "solubility"), List.copyOf(outputs.keySet()));
                assertArrayEquals(new long[] {5, 3}, outputs.get("assays").getShape().getShape());
                assertArrayEquals(new long[] {5, 1}, outputs.get("solubility").getShape().getShape());
            }
        }
    }
}
