package dev.lamina.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Scores a file with a trained model: every row of a CSV of raw features, or every SMILES of a SMILES file
 * (plain or gzip), predicted by the model file a run wrote, into a CSV beside the rows' ids. Streams with
 * bounded memory, predicts on all cores, and reports rows it cannot score in an error column instead of
 * failing. Runs in a forked JVM on the project's runtime class path (which must hold lamina-runtime, and
 * lamina-chem for molecule models).
 */
@Mojo(name = "predict", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class PredictMojo extends AbstractMojo {

    /** The model file: {@code <run folder>/<Network>.lamina.safetensors}. */
    @Parameter(property = "lamina.model", required = true)
    private File model;

    /** The file to score: comma-separated raw features (optionally an id first) or SMILES (optionally an id). */
    @Parameter(property = "lamina.input", required = true)
    private File input;

    /** Where the predictions go. Default: {@code <input name>.predictions.csv} beside the input. */
    @Parameter(property = "lamina.output")
    private File output;

    /** Predicting threads. Default: the machine's cores. */
    @Parameter(property = "lamina.threads")
    private Integer threads;

    /** Rows per forward pass. */
    @Parameter(property = "lamina.batchSize", defaultValue = "256")
    private int batchSize;

    /** Show a progress bar (turn off for logs). */
    @Parameter(property = "lamina.progress", defaultValue = "true")
    private boolean progress;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path base = project.getBasedir().toPath();
        List<String> arguments = new ArrayList<>(List.of(
                "--model", base.resolve(model.toPath()).toString(),
                "--input", base.resolve(input.toPath()).toString(),
                "--batch-size", Integer.toString(batchSize)));
        if (output != null) {
            arguments.addAll(List.of("--output", base.resolve(output.toPath()).toString()));
        }
        if (threads != null) {
            arguments.addAll(List.of("--threads", threads.toString()));
        }
        if (!progress) {
            arguments.add("--no-progress");
        }
        Path failureFile = ForkedJvms.failureFile();
        List<String> properties = List.of(
                "-Dlamina.failureFile=" + failureFile,
                "-Dlamina.parentPid=" + ProcessHandle.current().pid(),
                "-Djava.awt.headless=true");
        List<String> command = ForkedTraining.command(
                ForkedJvms.javaExecutable(), List.of(), ForkedJvms.classpath(project), properties,
                "dev.lamina.runtime.cli.PredictCommand", arguments);
        getLog().info("Scoring " + input + " with " + model + " in a forked JVM");
        ForkedTraining.run(command, base, failureFile, "scoring");
    }

}
