package dev.lamina.benchmarks;

import java.util.Locale;

/**
 * What one configuration gave: the fastest timed epoch's training-loop seconds (of {@code timedEpochs})
 * and the process's peak resident memory while the configuration ran. Printed as one JSON line, the format pytorch_bench.py shares.
 *
 * @param threadSetting {@code explicit} when the thread count was asked for, {@code default} when the
 *     implementation chose it
 */
record Measurement(Configuration configuration, int threads, String threadSetting, int samples, int timedEpochs,
        double seconds, double peakRssMegabytes) {

    double samplesPerSecond() {
        return samples / seconds;
    }

    String toJson() {
        return String.format(Locale.ROOT,
                "{\"impl\": \"%s\", \"network\": \"%s\", \"batch_size\": %d, \"threads\": %d, "
                        + "\"samples_per_second\": %.1f, \"seconds\": %.3f, \"peak_rss_mb\": %.1f, "
                        + "\"samples\": %d, \"timed_epochs\": %d, \"thread_setting\": \"%s\"}",
                configuration.impl(), configuration.network().displayName(), configuration.batchSize(), threads,
                samplesPerSecond(), seconds, peakRssMegabytes, samples, timedEpochs, threadSetting);
    }
}
