package dev.lamina.runtime.cli;

import dev.lamina.runtime.QuietLogging;
import dev.lamina.runtime.train.TrainingJob;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * The command line of a generated trainer: its {@code main} is {@code
 * System.exit(TrainingCommandLine.run(JOB, args))}. The options are those of {@link TrainCommand}.
 *
 * <p>A class of its own, with no picocli annotations, because javac reads the annotations of every class
 * that generated code names: when the trainers named {@code TrainCommand}, every compile of a module with
 * networks loaded picocli's 70 KB {@code CommandLine} class into javac.
 */
public final class TrainingCommandLine {

    private TrainingCommandLine() {}

    /** Parses {@code args}, trains, and returns the exit code: 0 trained, 1 failed (says why), 2 bad options. */
    public static int run(TrainingJob job, String... args) {
        QuietLogging.install();
        ParentWatch.startIfRequested();
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine commandLine = new CommandLine(new TrainCommand(job, err));
        commandLine.setCommandName(job.networkName() + "Trainer");
        commandLine.setErr(err);
        return commandLine.execute(args);
    }
}
