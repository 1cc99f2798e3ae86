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
        Optional<Supplier<DataSource<?>>> dataSource) {

    /** A network without {@code @Train(data = ...)}: its data comes from the caller. */
    public TrainingJob(String networkName, Architecture architecture, String summary, TrainingConfig defaults) {
        this(networkName, architecture, summary, defaults, Optional.empty());
    }

    /**
     * A network with {@code @Train(data = dataClass)}: each run creates the data source with its public
     * constructor without arguments, which the processor checked is there. Generated trainers pass a class
     * rather than {@code DataClass::new} because a method reference is the costliest thing for javac to
     * compile in a cold JVM, and every build compiles every trainer.
     */
    public TrainingJob(String networkName, Architecture architecture, String summary, TrainingConfig defaults,
            Class<?> dataClass) {
        this(networkName, architecture, summary, defaults, Optional.of(() -> dataSource(dataClass)));
    }

    /**
     * The data source {@code dataClass} makes. It is a {@code Class<?>} because the literal of a generic data class is
     * of its raw type, which no {@code Class<? extends DataSource<?>>} accepts.
     */
    private static DataSource<?> dataSource(Class<?> dataClass) {
        if (!DataSource.class.isAssignableFrom(dataClass)) {
            throw new TrainingException(dataClass.getName() + " is no " + DataSource.class.getName());
        }
        return (DataSource<?>) UserClasses.instantiate(dataClass, "data source");
    }
}
