package dev.lamina.runtime.train;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.DataSource;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a generated trainer knows about its network: the checked architecture, the compile-time
 * summary, the {@code @Train} defaults and, where declared, where the data comes from.
 */
public record TrainingJob(
        String networkName,
        Architecture architecture,
        String summary,
        TrainingConfig defaults,
        Optional<Supplier<DataSource>> dataSource) {}
