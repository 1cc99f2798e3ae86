package dev.lamina.runtime.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second process (or thread) from training into a run folder while a run writes it: a resumed run
 * and a run still going would otherwise overwrite each other's files. Held from the start of a run to its end;
 * the operating system releases it if the process dies.
 */
final class RunLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the run folder's lock.
     *
     * @throws TrainingException if another run holds it
     */
    static RunLock take(Path run) throws IOException {
        FileChannel channel = FileChannel.open(run.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new TrainingException("another run is writing " + run.toAbsolutePath() + " right now; wait for it"
                    + " to end, or start a new run (without resume), which gets a folder of its own");
        }
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
