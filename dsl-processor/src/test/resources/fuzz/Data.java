package fuzz;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/**
 * Data sources for the fuzzer's {@code @Train(data = ...)}: compiled with every batch of cases. Only
 * {@link Good} and {@link Generic} are what the language asks for (a public class implementing DataSource
 * with a public constructor without parameters that the trainer can call).
 */
public final class Data {

    private Data() {}

    public static class Good implements DataSource<float[]> {
        public Good() {}

        @Override
        public TrainTestData load(DataContext context) {
            throw new UnsupportedOperationException("never loaded");
        }
    }

    public static class Generic<T> extends Good {
        public Generic() {}
    }

    public abstract static class Abstract extends Good {
        public Abstract() {}
    }

    public static class NeedsArgument extends Good {
        public NeedsArgument(int size) {}
    }

    static class Hidden extends Good {
        public Hidden() {}
    }

    public static class PrivateConstructor extends Good {
        private PrivateConstructor() {}
    }

    /** Not static: creating one needs an enclosing Data, which the trainer does not have. */
    public class Inner extends Good {
        public Inner() {}
    }

    /** Its constructor declares a checked exception, which a Supplier cannot throw. */
    public static class Throwing extends Good {
        public Throwing() throws java.io.IOException {}
    }
}
