package dev.lamina.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.project.MavenProject;

/**
 * {@code mvn lamina:train} at the root of a multi-module build runs first in the root, which has no classes:
 * "no networks, register the processor" would send the user to the wrong fix. What they need is {@code -pl}
 * with the module that has the networks, which this finds by its sources.
 */
final class MultiModuleRoot {

    private MultiModuleRoot() {}

    /** Whether {@code project} only aggregates modules (packaging pom, with modules). */
    static boolean applies(MavenProject project) {
        return "pom".equals(project.getPackaging()) && !project.getModules().isEmpty();
    }

    static String message(MavenProject root, List<MavenProject> reactor, String network) {
        List<String> modules = reactor.stream()
                .filter(p -> !"pom".equals(p.getPackaging()) && declaresNetworks(p))
                .map(p -> relativePath(root, p))
                .toList();
        String module = modules.size() == 1 ? modules.get(0) : "<module>";
        String command = "mvn lamina:train -pl " + module
                + (network == null || network.isBlank() ? "" : " -Dlamina.network=" + network.trim());
        String which = modules.isEmpty() ? "no module of this build declares a @Network class in its sources"
                : modules.size() == 1 ? "the networks are in module " + modules.get(0)
                : "modules with networks: " + String.join(", ", modules);
        return root.getArtifactId() + " is the root of a multi-module build and has no networks of its own;"
                + " run the goal in the module that has them, with -pl: " + command + " (" + which + "; install"
                + " the modules it depends on first, with mvn install -DskipTests)";
    }

    private static String relativePath(MavenProject root, MavenProject module) {
        Path relative = root.getBasedir().toPath().toAbsolutePath()
                .relativize(module.getBasedir().toPath().toAbsolutePath());
        return relative.toString().isEmpty() ? module.getArtifactId() : relative.toString().replace('\\', '/');
    }

    /** Whether a source file of the module uses {@code @Network}: the module is not compiled yet. */
    static boolean declaresNetworks(MavenProject project) {
        for (String root : project.getCompileSourceRoots()) {
            Path folder = Path.of(root);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                if (files.filter(f -> f.toString().endsWith(".java")).anyMatch(MultiModuleRoot::mentionsNetwork)) {
                    return true;
                }
            } catch (IOException | UncheckedIOException e) {
                // An unreadable folder only costs the hint its module name.
            }
        }
        return false;
    }

    private static boolean mentionsNetwork(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("@Network(");
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
