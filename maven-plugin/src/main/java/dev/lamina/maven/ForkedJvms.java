package dev.lamina.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** What every goal that forks a JVM needs from the project: its class path, a java, and a failure file. */
final class ForkedJvms {

    private ForkedJvms() {}

    /** The project's runtime class path, which holds Lamina, PyTorch's natives and the user's classes. */
    static String classpath(MavenProject project) throws MojoExecutionException {
        try {
            return String.join(File.pathSeparator, project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("cannot resolve the project's runtime class path: " + e.getMessage(), e);
        }
    }

    /** The java of the JVM Maven runs in. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A path, not yet existing, where the child writes its one-line reason if it fails. */
    static Path failureFile() throws MojoExecutionException {
        try {
            Path file = Files.createTempFile("lamina-failure", ".txt");
            file.toFile().deleteOnExit();
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot create a temporary file: " + e.getMessage(), e);
        }
    }
}
