package dev.lamina.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.GraphJson;
import dev.lamina.spec.graph.GraphSpec;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The example graphs survive JSON text; duplicate keys and the wrong kind are refused. */
class GraphJsonTest {

    @Test
    void exampleGraphsRoundTripThroughJsonText() {
        for (GraphSpec graph : List.of(GraphExamples.residualMlp(), GraphExamples.twoInputs(),
                GraphExamples.twoInputs("desc", "fp"), GraphExamples.twoHeads())) {
            String json = GraphJson.write(graph);
            assertEquals(graph, GraphJson.read(json), json);
            assertEquals(json, GraphJson.write(GraphJson.read(json)));
        }
    }

    @Test
    void jsonHasTheDocumentedForm() {
        String json = GraphJson.write(GraphExamples.twoInputs());
        assertTrue(json.startsWith("{\"kind\":\"Graph\",\"name\":\"TwoInputs\",\"inputs\":[{\"name\":\"fingerprint\","
                + "\"shape\":[64]},{\"name\":\"descriptors\",\"shape\":[5]}],\"nodes\":["), json);
        assertTrue(json.contains("{\"name\":\"joint\",\"from\":[\"fp\",\"desc\"],\"merge\":\"CONCAT\",\"residual\":false,"
                + "\"layers\":[{\"kind\":\"Linear\",\"in\":20,\"out\":8},{\"kind\":\"ReLU\"}]}"), json);
        assertTrue(json.endsWith("],\"outputs\":[\"out\"]}"), json);
    }

    @Test
    void duplicateKeysAndBrokenWiringAreRefused() {
        String json = GraphJson.write(GraphExamples.twoHeads());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> GraphJson.read(json.replace("\"outputs\":", "\"outputs\":[\"a\"],\"outputs\":")));
        assertTrue(twice.getMessage().contains("outputs"), twice.getMessage());
        IllegalArgumentException wiring = assertThrows(IllegalArgumentException.class,
                () -> GraphJson.read(json.replace("\"from\":[\"trunk\"]", "\"from\":[\"b\"]")));
        assertTrue(wiring.getMessage().contains("TwoHeads is not a valid graph"), wiring.getMessage());
    }
}
