package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A misspelled {@code -Dlamina.*} property is a warning with the name meant, and the goal's help text (the
 * plugin descriptor the build generates from {@code TrainMojo}'s Javadoc) is whole.
 */
class LaminaPropertiesTest {

    @Test
    void aMisspelledPropertyIsAWarningWithTheNameMeant() {
        assertEquals(List.of("-Dlamina.epoch is not a property of lamina:train and is ignored; did you mean"
                        + " -Dlamina.epochs?"),
                LaminaProperties.warnings(Map.of("lamina.epoch", "1", "lamina.epochs", "2", "user.name", "x")));
        assertEquals(Optional.of("lamina.batchSize"), LaminaProperties.closest("lamina.batchsize"));
        assertEquals(Optional.of("lamina.batchSize"), LaminaProperties.closest("lamina.batch-size"));
        assertEquals(Optional.of("lamina.learningRate"), LaminaProperties.closest("lamina.lr"));
        assertEquals(Optional.of("lamina.network"), LaminaProperties.closest("lamina.netwrok"));
    }

    @Test
    void aPropertyNothingIsNearListsThemAll() {
        String warning = LaminaProperties.warnings(Map.of("lamina.colour", "red")).get(0);
        assertTrue(warning.startsWith("-Dlamina.colour is not a property of lamina:train and is ignored; the"
                + " properties are lamina.batchSize, lamina.device, "), warning);
    }

    @Test
    void knownPropertiesAreExactlyTheGoalsParameters() throws IOException {
        Matcher expressions = Pattern.compile("\\$\\{(lamina\\.[A-Za-z]+)}").matcher(descriptor());
        Set<String> fromDescriptor = new TreeSet<>();
        while (expressions.find()) {
            fromDescriptor.add(expressions.group(1));
        }
        assertEquals(new TreeSet<>(LaminaProperties.KNOWN), fromDescriptor);
        assertTrue(LaminaProperties.warnings(Map.of("lamina.network", "x", "lamina.jvmArgs", "-Xmx1g")).isEmpty());
    }

    /** {@code mvn lamina:help -Ddetail} prints these; a Javadoc line starting with "@Network" once cut one short. */
    @Test
    void everyParameterDescriptionIsWhole() throws IOException {
        String descriptor = descriptor();
        Matcher descriptions = Pattern.compile("<description>([^<]*)</description>").matcher(descriptor);
        while (descriptions.find()) {
            String text = descriptions.group(1);
            assertFalse(text.contains("{@"), "unconverted Javadoc: " + text);
            assertTrue(text.isEmpty() || text.endsWith(".") || text.endsWith(". "), "cut short: " + text);
        }
        assertTrue(descriptor.contains("The network to train: its simple class name (MnistMlp), its qualified class"
                + " name, or the name given in @Network(name). Optional when the project has exactly one network;"
                + " otherwise the error lists them."), descriptor);
    }

    private static String descriptor() throws IOException {
        try (InputStream in = LaminaPropertiesTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
