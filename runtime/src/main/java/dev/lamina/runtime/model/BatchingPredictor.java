package dev.lamina.runtime.model;

import dev.lamina.runtime.data.InvalidInputException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Groups predictions from concurrent callers into one forward pass, for servers: a caller's {@link
 * #predict} waits at most {@code maxWait} for others to join its batch of at most {@code maxBatch}, and only
 * while callers are inside {@code predict} whose inputs are not in the batch yet: once every caller waiting
 * is in it, the batch goes. One forward pass of 32 rows costs little more than one of a single row, so under
 * load this multiplies throughput, and a lone caller does not wait at all. Java threads share one model without a global lock, which is where a JVM
 * service beats Python's GIL.
 *
 * <p>Thread-safe: any number of threads may call {@link #predict}. An input the model cannot use fails only
 * its own call, with the model's {@link InvalidInputException}. {@link #close()} stops the batching thread;
 * calls waiting then fail with an {@link IllegalStateException}; the model stays open (its owner closes it).
 *
 * @param <R> the model's raw input type
 */
public final class BatchingPredictor<R> implements AutoCloseable {

    /** One caller's input and, once its batch is done, its row of outputs with their meaning. */
    private record Request<R>(R raw, CompletableFuture<Row> result) {}

    private record Row(float[] values, ModelOutputs meaning) {}

    private final LaminaModel<R> model;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final BlockingQueue<Request<R>> queue;
    private final Thread worker;
    /** Callers inside {@link #predict}: the most a batch can gather without waiting for new calls. */
    private final AtomicInteger callers = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param maxBatch the most inputs in one forward pass, at least 1
     * @param maxWait how long the first caller of a batch waits for others, at most one second
     */
    public BatchingPredictor(LaminaModel<R> model, int maxBatch, Duration maxWait) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("maxWait must be between 0 and 1 s, was " + maxWait);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWait.toNanos();
        this.queue = new ArrayBlockingQueue<>(Math.max(1024, 4 * maxBatch));
        this.worker = new Thread(this::run, "lamina-batching-" + model.networkName());
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * The prediction for {@code raw}, computed in a batch with other callers' inputs: {@link
     * LaminaModel#predict(Object)}.
     *
     * @throws UnsupportedOperationException for a model of several yes/no tasks or a regression: call {@link
     *     #predictOutputs}
     * @throws InvalidInputException if the model cannot use this input
     * @throws IllegalStateException once closed
     */
    public Prediction predict(R raw) throws InterruptedException {
        LaminaModel.requireOneClass(model.outputs());
        Row row = submit(raw);
        return LaminaModel.predictions(new LaminaModel.Outputs(new float[][] {row.values()}, row.meaning())).get(0);
    }

    /**
     * What the model predicts for {@code raw}, one value per output, computed in a batch with other callers'
     * inputs: {@link LaminaModel#predictOutputs(Object)}.
     *
     * @throws InvalidInputException if the model cannot use this input
     * @throws IllegalStateException once closed
     */
    public float[] predictOutputs(R raw) throws InterruptedException {
        return submit(raw).values().clone();
    }

    /** Counts the caller as waiting, so the batching thread knows whom to wait for. */
    private Row submit(R raw) throws InterruptedException {
        callers.incrementAndGet();
        try {
            return await(raw);
        } finally {
            callers.decrementAndGet();
        }
    }

    private Row await(R raw) throws InterruptedException {
        Request<R> request = new Request<>(raw, new CompletableFuture<>());
        if (closed) {
            throw new IllegalStateException("the batching predictor of " + model.networkName() + " is closed");
        }
        queue.put(request);
        while (true) {
            try {
                return request.result().get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Closed between the check and the put, after the worker's last look at the queue.
                if (!worker.isAlive()) {
                    request.result().completeExceptionally(new IllegalStateException(
                            "the batching predictor of " + model.networkName() + " is closed"));
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("prediction failed", e.getCause());
            }
        }
    }

    private void run() {
        List<Request<R>> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                Request<R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxWaitNanos;
                // Waiting for a caller who has not called would only delay the ones in the batch.
                while (batch.size() < maxBatch && batch.size() < callers.get()) {
                    Request<R> next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                answer(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                batch.forEach(request -> request.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        IllegalStateException closedException =
                new IllegalStateException("the batching predictor of " + model.networkName() + " is closed");
        for (Request<R> request = queue.poll(); request != null; request = queue.poll()) {
            request.result().completeExceptionally(closedException);
        }
    }

    private void answer(List<Request<R>> batch) {
        List<R> raws = new ArrayList<>(batch.size());
        batch.forEach(request -> raws.add(request.raw()));
        try {
            LaminaModel.Outputs outputs = model.forward(raws);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(new Row(outputs.values()[i], outputs.meaning()));
            }
        } catch (InvalidInputException oneIsInvalid) {
            // Rare: each input on its own, so that only the invalid ones fail.
            for (Request<R> request : batch) {
                try {
                    LaminaModel.Outputs outputs = model.forward(List.of(request.raw()));
                    request.result().complete(new Row(outputs.values()[0], outputs.meaning()));
                } catch (RuntimeException e) {
                    request.result().completeExceptionally(e);
                }
            }
        }
    }

    /** Stops batching; calls still waiting fail. Does not close the model. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
