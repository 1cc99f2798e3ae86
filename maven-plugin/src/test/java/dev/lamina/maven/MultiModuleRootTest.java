package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.spec.contract.NetworkIndexEntry;
import dev.lamina.spec.contract.NetworkIndexFiles;
import dev.lamina.spec.contract.NetworkTestSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the root of a multi-module build the goal names the module with the network and the {@code -pl}
 * command, instead of telling the user to register the processor.
 */
class MultiModuleRootTest {

    @TempDir
    Path folder;

    @Test
    void aCompiledModuleWithTheNetworkIsNamed() throws IOException {
        MavenProject root = project(folder, "lamina-parent", "pom");
        MavenProject benchmarks = project(folder.resolve("benchmarks"), "lamina-benchmarks", "jar");
        MavenProject examples = project(folder.resolve("examples"), "lamina-examples", "jar");
        index(benchmarks, "dev.bench.BenchMlp");
        index(examples, "dev.examples.MnistMlp");

        assertTrue(MultiModuleRoot.applies(root));
        assertFalse(MultiModuleRoot.applies(examples));
        assertEquals("lamina-parent is the root of a multi-module build and has no networks of its own; run the"
                + " goal in the module that has them, with -pl: mvn lamina:train -pl examples"
                + " -Dlamina.network=MnistMlp (MnistMlp is in module examples; install the modules it depends on"
                + " first, with mvn install -DskipTests)",
                MultiModuleRoot.message(root, List.of(root, benchmarks, examples), "MnistMlp"));
    }

    @Test
    void beforeAnyBuildTheModulesRegisteringTheProcessorAreNamed() throws IOException {
        MavenProject root = project(folder, "parent", "pom");
        MavenProject library = project(folder.resolve("library"), "library", "jar");
        MavenProject app = project(folder.resolve("app"), "app", "jar");
        Plugin compiler = new Plugin();
        compiler.setArtifactId("maven-compiler-plugin");
        compiler.setConfiguration(configuration());
        app.getModel().getBuild().addPlugin(compiler);

        assertEquals("parent is the root of a multi-module build and has no networks of its own; run the goal in"
                + " the module that has them, with -pl: mvn lamina:train -pl app (the networks are in module app;"
                + " install the modules it depends on first, with mvn install -DskipTests)",
                MultiModuleRoot.message(root, List.of(root, library, app), null));
    }

    private static Xpp3Dom configuration() {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom paths = new Xpp3Dom("annotationProcessorPaths");
        Xpp3Dom path = new Xpp3Dom("path");
        Xpp3Dom artifactId = new Xpp3Dom("artifactId");
        artifactId.setValue("lamina-processor");
        path.addChild(artifactId);
        paths.addChild(path);
        configuration.addChild(paths);
        return configuration;
    }

    private static MavenProject project(Path folder, String artifactId, String packaging) throws IOException {
        Files.createDirectories(folder);
        Model model = new Model();
        model.setArtifactId(artifactId);
        model.setPackaging(packaging);
        Build build = new Build();
        build.setOutputDirectory(folder.resolve("target/classes").toString());
        model.setBuild(build);
        if (packaging.equals("pom")) {
            model.setModules(List.of("modules"));
        }
        MavenProject project = new MavenProject(model);
        project.setFile(folder.resolve("pom.xml").toFile());
        return project;
    }

    private static void index(MavenProject module, String userClass) throws IOException {
        String name = userClass.substring(userClass.lastIndexOf('.') + 1);
        NetworkIndexEntry entry = new NetworkIndexEntry(name, userClass, userClass + "Network",
                Optional.of(userClass + "Trainer"), List.of(10L), "CROSS_ENTROPY", List.of(), false,
                NetworkTestSettings.DEFAULTS);
        Path file = Path.of(module.getBuild().getOutputDirectory()).resolve(NetworkIndexFiles.entryPath(userClass));
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.write());
    }
}
