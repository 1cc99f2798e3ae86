package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.FlattenSpec;
import dev.lamina.spec.layers.LinearSpec;
import dev.lamina.spec.layers.MaxPool2dSpec;
import dev.lamina.spec.layers.ReLUSpec;

import org.junit.jupiter.api.Test;

/** Architectures as JSON text: exact round trips, and hostile text refused with a reason. */
class ArchitectureJsonTest {

    @Test
    void seedNetworkRoundTripsExactly() {
        Architecture seed = SeedNetworks.mnist();
        String json = ArchitectureJson.write(seed);
        assertTrue(json.startsWith("{\"name\":\"MnistMlp\",\"input\":[784],\"stages\":[{\"name\":\"hidden1\",\"layers\":"
                + "[{\"kind\":\"Linear\",\"in\":784,\"out\":300},{\"kind\":\"BatchNorm\",\"features\":300,\"eps\":1.0E-5,"
                + "\"momentum\":0.1}"), json);
        assertEquals(seed.spec(), ArchitectureJson.read(json).spec());
    }

    @Test
    void imageNetworksRoundTripAndBuildTheSameParameters() {
        Architecture cnn = Architecture.builder("Cnn", 1, 8, 8)
                .stage("conv", new Conv2dSpec(1, 2, 3, 1, 1, 1), new ReLUSpec(), new MaxPool2dSpec(2, 2, 0))
                .stage("head", new FlattenSpec(), new LinearSpec(32, 3))
                .build();
        Architecture read = ArchitectureJson.read(ArchitectureJson.write(cnn));
        try (LaminaNetwork network = LaminaNetwork.create(read)) {
            assertEquals(java.util.List.of("conv.weight", "conv.bias", "head.weight", "head.bias"), network.parameterNames());
        }
    }

    @Test
    void textThatIsNotANetworkIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read("{\"name\": "))
                .getMessage().startsWith("the architecture is not valid JSON"));
        assertEquals("Net.out layer 1 (Linear): in: expected a whole number, found 2.5",
                assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read("{\"name\": \"Net\", \"input\":"
                        + " [2], \"stages\": [{\"name\": \"out\", \"layers\": [{\"kind\": \"Linear\", \"in\": 2.5, \"out\":"
                        + " 1}]}]}")).getMessage());
        assertEquals("Net.out: Linear(3, 1) expects 3 input features, got (N, 2)",
                assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read("{\"name\": \"Net\", \"input\":"
                        + " [2], \"stages\": [{\"name\": \"out\", \"layers\": [{\"kind\": \"Linear\", \"in\": 3, \"out\":"
                        + " 1}]}]}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read(" ".repeat(2 << 20)))
                .getMessage().contains("is not a network description"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotResolvedSilently() {
        String layer = "{\"kind\": \"Linear\", \"in\": 2, \"out\": 1, \"out\": 3}";
        assertEquals("the architecture names 'out' twice at $.stages[0].layers[0]",
                assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read("{\"name\": \"Net\","
                        + " \"input\": [2], \"stages\": [{\"name\": \"out\", \"layers\": [" + layer + "]}]}"))
                        .getMessage());
        assertEquals("the architecture names 'name' twice at $",
                assertThrows(IllegalArgumentException.class, () -> ArchitectureJson.read("{\"name\": \"A\","
                        + " \"name\": \"B\", \"input\": [2], \"stages\": []}")).getMessage());
    }
}
