package dev.lamina.runtime.train;

import dev.lamina.runtime.Architecture;
import dev.lamina.runtime.data.DataSource;

import java.lang.reflect.InvocationTargetException;
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
        Optional<Supplier<DataSource>> dataSource) {

    /** A network without {@code @Train(data = ...)}: its data comes from the caller. */
    public TrainingJob(String networkName, Architecture architecture, String summary, TrainingConfig defaults) {
        this(networkName, architecture, summary, defaults, Optional.empty());
    }

    /**
     * A network with {@code @Train(data = dataClass)}: each run creates the data source with its public
     * constructor without arguments, which the processor checked is there. Generated trainers pass a class
     * rather than {@code DataClass::new} because a method reference is the costliest thing for javac to
     * compile in a cold JVM, and every build compiles every trainer (issue 6).
     */
    public TrainingJob(String networkName, Architecture architecture, String summary, TrainingConfig defaults,
            Class<? extends DataSource> dataClass) {
        this(networkName, architecture, summary, defaults, Optional.of(() -> instantiate(dataClass)));
    }

    private static DataSource instantiate(Class<? extends DataSource> dataClass) {
        try {
            return dataClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            // What the constructor threw is the user's own message; pass it on as it is.
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new TrainingException("could not create the data source " + dataClass.getName() + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TrainingException("could not create the data source " + dataClass.getName()
                    + " (it needs a public constructor without arguments): " + e, e);
        }
    }
}
