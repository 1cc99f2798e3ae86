package dev.lamina.maven;

import dev.lamina.spec.contract.NetworkIndexEntry;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Trains a Lamina network of this project: compiles first (so the annotation processor has generated the
 * trainer), then runs the network's trainer in a forked JVM on the project's runtime class path. Every
 * parameter overrides the network's {@code @Train} settings for this run and is also a {@code
 * -Dlamina.<name>} property. Each run writes a new folder {@code <outputDirectory>/<Network>/run_<N>/} (and
 * points {@code latest} at it): parameters, the model file, history.csv,
 * metrics.json, summary.txt, report.html with its charts, and model.safetensors with model.py for PyTorch.
 */
@Mojo(name = "train", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class TrainMojo extends AbstractMojo {

    // No line of this Javadoc may start with an annotation: the plugin tools would read it as a block tag
    // and cut the help text there (LaminaPropertiesTest checks the descriptor).
    /**
     * The network to train: its simple class name ({@code MnistMlp}), its qualified class name, or the name
     * given in {@code @Network(name)}. Optional when the project has exactly one network; otherwise the error
     * lists them.
     */
    @Parameter(property = "lamina.network")
    private String network;

    /** Passes over the training data. Default: the network's {@code @Train(epochs)}. */
    @Parameter(property = "lamina.epochs")
    private Integer epochs;

    /** Samples per minibatch. Default: {@code @Train(batchSize)}. */
    @Parameter(property = "lamina.batchSize")
    private Integer batchSize;

    /** The optimizer's learning rate. Default: the {@code lr} of the network's {@code @Adam} or {@code @Sgd}. */
    @Parameter(property = "lamina.learningRate")
    private Double learningRate;

    /** {@code auto} (a GPU if PyTorch sees one, else the CPU), {@code cpu}, {@code gpu} or {@code gpu:<index>}. */
    @Parameter(property = "lamina.device")
    private String device;

    /** PyTorch intra-op threads. Default: half the cores (1 on a 2-core machine). */
    @Parameter(property = "lamina.threads")
    private Integer threads;

    /** Seeds initialisation, shuffling and dropout. Default: {@code @Train(seed)}. */
    @Parameter(property = "lamina.seed")
    private Integer seed;

    /**
     * How {@code @Split} assigns samples to the training, validation and test sets: {@code random}, {@code
     * stratified} or {@code scaffold} (molecules). Default: the network's {@code @Split}; a network without one
     * gets a 10% validation set.
     */
    @Parameter(property = "lamina.split")
    private String split;

    /**
     * Seeds to repeat the run with, comma-separated ({@code 1,2,3}): one run each, then the mean and standard
     * deviation of the validation and test metrics. Default: {@code @Split(seeds)}, else one run.
     */
    @Parameter(property = "lamina.seeds")
    private String seeds;

    /** Use only the first N training samples: a quick run. Default: all. */
    @Parameter(property = "lamina.limit")
    private Integer limit;

    /** Continue from the last checkpoint in the network's run folder. */
    @Parameter(property = "lamina.resume", defaultValue = "false")
    private boolean resume;

    /** Show a progress bar per epoch (turn off for logs). */
    @Parameter(property = "lamina.progress", defaultValue = "true")
    private boolean progress;

    /**
     * Where run folders go: {@code <outputDirectory>/<Network>/run_<N>/}, one per run, {@code latest} pointing at
     * the newest. Outside {@code target/} by default, so {@code mvn clean} keeps trained models.
     */
    @Parameter(property = "lamina.outputDirectory", defaultValue = "${project.basedir}/lamina-runs")
    private File outputDirectory;

    /** Extra options for the training JVM, separated by spaces, for example {@code -Xmx4g}. */
    @Parameter(property = "lamina.jvmArgs")
    private String jvmArgs;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        LaminaProperties.warnings(session.getUserProperties()).forEach(getLog()::warn);
        if (MultiModuleRoot.applies(project)) {
            throw new MojoFailureException(MultiModuleRoot.message(project, session.getProjects(), network));
        }
        TrainSettings settings = new TrainSettings(epochs, batchSize, learningRate, device, threads, seed, limit,
                split, seeds, resume, progress, outputDirectory.toPath().toAbsolutePath());
        settings.validate();
        NetworkIndexEntry chosen = NetworkCatalog.read(Path.of(project.getBuild().getOutputDirectory()))
                .choose(network);
        Path failureFile = ForkedJvms.failureFile();
        List<String> properties = List.of(
                "-Dlamina.baseDir=" + project.getBasedir().getAbsolutePath(),
                "-Dlamina.failureFile=" + failureFile,
                "-Dlamina.parentPid=" + ProcessHandle.current().pid(),
                "-Djava.awt.headless=true");
        List<String> command = ForkedTraining.command(ForkedJvms.javaExecutable(), jvmArguments(),
                ForkedJvms.classpath(project), properties,
                chosen.trainerClass().orElseThrow(), settings.arguments());
        getLog().info("Training " + chosen.name() + " (" + chosen.userClass() + ") in a forked JVM");
        getLog().debug("Command: " + String.join(" ", command));
        // The trainer itself prints where the run files and the report are.
        ForkedTraining.run(command, project.getBasedir().toPath(), failureFile);
    }

    private List<String> jvmArguments() {
        if (jvmArgs == null || jvmArgs.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(jvmArgs.trim().split("\\s+")));
    }
}
