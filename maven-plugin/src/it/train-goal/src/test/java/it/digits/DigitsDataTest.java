package it.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The user's own test: with it in src/test/java, Maven compiles tests, and Lamina's generated tests join it. */
class DigitsDataTest {

    @Test
    void loadsTheBundledSamples() throws IOException {
        TrainTestData data = new DigitsData().load(new DataContext(Path.of("").toAbsolutePath()));
        assertEquals(400, data.train().size());
    }
}
