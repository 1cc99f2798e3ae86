package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At the root of a multi-module build the goal names the module with the networks and the -pl to use. */
class MultiModuleRootTest {

    @Test
    void theRootNamesTheModuleWithNetworksAndTheCommand(@TempDir Path folder) throws IOException {
        MavenProject root = project(folder, "lamina-parent", "pom");
        root.getModel().setModules(List.of("runtime", "examples"));
        MavenProject runtime = project(folder.resolve("runtime"), "lamina-runtime", "jar");
        MavenProject examples = project(folder.resolve("examples"), "lamina-examples", "jar");
        Path sources = Files.createDirectories(folder.resolve("examples/src/main/java/ex"));
        Files.writeString(sources.resolve("MnistMlp.java"), "@Network(input = 784) abstract class MnistMlp {}");
        examples.addCompileSourceRoot(folder.resolve("examples/src/main/java").toString());

        assertTrue(MultiModuleRoot.applies(root));
        assertFalse(MultiModuleRoot.applies(examples));
        assertEquals("lamina-parent is the root of a multi-module build and has no networks of its own; run the"
                + " goal in the module that has them, with -pl: mvn lamina:train -pl examples"
                + " -Dlamina.network=MnistMlp (the networks are in module examples; install the modules it depends"
                + " on first, with mvn install -DskipTests)",
                MultiModuleRoot.message(root, List.of(root, runtime, examples), "MnistMlp"));
    }

    private static MavenProject project(Path folder, String artifactId, String packaging) throws IOException {
        Files.createDirectories(folder);
        Model model = new Model();
        model.setArtifactId(artifactId);
        model.setPackaging(packaging);
        MavenProject project = new MavenProject(model);
        project.setFile(folder.resolve("pom.xml").toFile());
        return project;
    }
}
