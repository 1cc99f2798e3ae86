package dev.lamina.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

/**
 * The source generated for the seed notebook's network, compared character for character with a
 * reviewed copy. A change to the generator shows up here as a diff a person can read; to accept it,
 * copy the new output over {@code golden/MnistMlpNetwork.java.txt}.
 */
class GoldenSourceTest {

    @Test
    void seedNetworkGeneratesTheReviewedSource() throws IOException {
        String generated = generate();
        assertEquals(resource("golden/MnistMlpNetwork.java.txt"), generated);
    }

    @Test
    void trainerCarriesEveryTrainingAnnotation() throws IOException {
        assertEquals(resource("golden/Tox21MlpTrainer.java.txt"), generate("Tox21Mlp", "Tox21MlpTrainer"));
    }

    @Test
    void generationIsDeterministic() throws IOException {
        assertEquals(generate(), generate());
    }

    private String generate() throws IOException {
        return generate("MnistMlp", "MnistMlpNetwork");
    }

    private String generate(String input, String output) throws IOException {
        JavaFileObject source = JavaFileObjects.forResource("golden/" + input + ".java");
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor()).compile(source);
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        JavaFileObject generated = compilation
                .generatedSourceFile("dev.lamina.examples." + output)
                .orElseThrow(() -> new AssertionError(output + " was not generated"));
        return generated.getCharContent(false).toString();
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
