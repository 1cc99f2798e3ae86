package dev.lamina.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn lamina:train} at the root of a multi-module build runs first in the root, which has no classes:
 * "no networks, register the processor" would send the user to the wrong fix. What they need is {@code -pl}
 * with the module that has the networks, which this finds by its compiled network index or its compiler
 * settings.
 */
final class MultiModuleRoot {

    private MultiModuleRoot() {}

    /** Whether {@code project} only aggregates modules (packaging pom, with modules). */
    static boolean applies(MavenProject project) {
        return "pom".equals(project.getPackaging()) && !project.getModules().isEmpty();
    }

    static String message(MavenProject root, List<MavenProject> reactor, String network) {
        List<String> modules = modulesWithNetworks(root, reactor, network);
        String module = modules.size() == 1 ? modules.get(0) : "<module>";
        String command = "mvn lamina:train -pl " + module
                + (network == null || network.isBlank() ? "" : " -Dlamina.network=" + network.trim());
        String which = modules.isEmpty() ? "no module of this build registers Lamina's processor"
                : modules.size() == 1 ? (network == null || network.isBlank() ? "the networks are" : network.trim()
                        + " is") + " in module " + modules.get(0)
                : "modules with networks: " + String.join(", ", modules);
        return root.getArtifactId() + " is the root of a multi-module build and has no networks of its own;"
                + " run the goal in the module that has them, with -pl: " + command + " (" + which + "; install"
                + " the modules it depends on first, with mvn install -DskipTests)";
    }

    /**
     * The modules (as paths for {@code -pl}) that have the requested network, or any network: by their
     * compiled network index when they were built, else by Lamina's processor in their compiler settings.
     */
    private static List<String> modulesWithNetworks(MavenProject root, List<MavenProject> reactor, String network) {
        List<MavenProject> modules = reactor.stream().filter(p -> !"pom".equals(p.getPackaging())).toList();
        List<String> compiled = new ArrayList<>();
        for (MavenProject module : modules) {
            try {
                if (NetworkCatalog.read(Path.of(module.getBuild().getOutputDirectory())).has(network)) {
                    compiled.add(relativePath(root, module));
                }
            } catch (MojoFailureException unreadable) {
                // An index that cannot be read does not make a module a candidate.
            }
        }
        if (!compiled.isEmpty()) {
            return compiled;
        }
        return modules.stream().filter(MultiModuleRoot::registersProcessor).map(m -> relativePath(root, m)).toList();
    }

    /** Whether the module's compiler settings name Lamina's processor (its annotationProcessorPaths). */
    static boolean registersProcessor(MavenProject project) {
        return project.getBuildPlugins().stream()
                .filter(p -> "maven-compiler-plugin".equals(p.getArtifactId()))
                .anyMatch(p -> String.valueOf(p.getConfiguration()).contains("lamina-processor")
                        || p.getExecutions().stream()
                                .anyMatch(e -> String.valueOf(e.getConfiguration()).contains("lamina-processor")));
    }

    private static String relativePath(MavenProject root, MavenProject module) {
        Path relative = root.getBasedir().toPath().toAbsolutePath()
                .relativize(module.getBasedir().toPath().toAbsolutePath());
        return relative.toString().isEmpty() ? module.getArtifactId() : relative.toString().replace('\\', '/');
    }
}
