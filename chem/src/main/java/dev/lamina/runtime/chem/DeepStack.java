package dev.lamina.runtime.chem;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on a thread with a stack of known, ample size: CDK's ring perception recurses once per atom of
 * a chain, so how long a molecule may be must not depend on which thread loads the data (a 5,000-atom chain
 * overflows a 512 KB stack). The thread ends when idle, so an instance that is dropped leaks nothing.
 */
final class DeepStack {

    /** Room for chains far longer than {@link CircularFingerprints#MAX_SMILES_CHARS} atoms. */
    static final long STACK_BYTES = 64L << 20;

    private final ExecutorService executor;

    DeepStack(String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(null, task, name, STACK_BYTES);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /**
     * The result of {@code work}, computed on the deep stack; its exceptions and errors are rethrown here
     * as they were thrown there (a {@link StackOverflowError} included).
     *
     * @throws TimeoutException if the work takes longer than {@code budget}; this instance is then unusable
     */
    <T> T call(Callable<T> work, Duration budget) throws Exception {
        Future<T> result = executor.submit(work);
        try {
            return result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // CDK never looks at interrupts: the thread is left to finish on its own and then ends, and this
            // instance takes no more work. The caller continues with a new one.
            executor.shutdownNow();
            throw e;
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception exception) {
                throw exception;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
