package dev.lamina.runtime;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine the way Lamina needs it: offline (nothing downloads at run time) and
 * with an intra-op thread count that does not oversubscribe the machine.
 *
 * <p>Both settings are system properties DJL reads once, when the engine starts, so they are set here
 * before anything touches {@link Engine}. A user's own {@code -D} settings win. Once libtorch is loaded,
 * its oneDNN convolutions are switched off ({@link OneDnnConvolutions}, {@code -Dlamina.onednn}).
 */
public final class LaminaEngine {

    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    static final String NATIVE_DEPENDENCY =
            "ai.djl.pytorch:pytorch-native-cpu:2.7.1 (classifier linux-x86_64)";

    private static volatile Engine engine;
    private static volatile OneDnnConvolutions.Mode oneDnnMode = OneDnnConvolutions.Mode.ENABLED;

    static {
        // Before DJL's first class initialises SLF4J.
        QuietLogging.install();
    }

    private LaminaEngine() {}

    /**
     * The PyTorch engine, started on first use.
     *
     * @throws LaminaRuntimeException if the PyTorch native library cannot be loaded; the message names
     *     the Maven dependency that provides it
     */
    public static Engine get() {
        Engine started = engine;
        if (started == null) {
            synchronized (LaminaEngine.class) {
                started = engine;
                if (started == null) {
                    started = start();
                    engine = started;
                }
            }
        }
        return started;
    }

    /**
     * Sets the number of intra-op threads the engine will use. Only has an effect before the engine has
     * started; afterwards it fails rather than silently doing nothing.
     */
    public static void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (engine != null) {
            throw new IllegalStateException(
                    "the PyTorch engine has already started with "
                            + System.getProperty(THREADS_PROPERTY)
                            + " thread(s); set threads before the first network is created");
        }
        System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
    }

    /** Where libtorch uses oneDNN for convolutions in this JVM (set when the engine starts). */
    public static OneDnnConvolutions.Mode oneDnnMode() {
        return oneDnnMode;
    }

    /** Whether the engine has started (after which the thread count is fixed for this JVM). */
    public static boolean isStarted() {
        return engine != null;
    }

    /** The intra-op thread count the engine uses (or will use when it starts). */
    public static int threads() {
        String configured = System.getProperty(THREADS_PROPERTY);
        return configured == null ? defaultThreads() : Integer.parseInt(configured.trim());
    }

    /**
     * Half the cores, at least one. On a 2-core machine two OpenMP threads competing with any other
     * process slowed small-batch training 10-40x (measured on a loaded 2-core machine), while one thread loses little.
     */
    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** The innermost message: DJL wraps "offline mode" in messages about index files. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message != null && message.contains("Offline mode")) {
            return "PyTorch's native library is not on the class path";
        }
        return e.getMessage() + (cause != e ? ": " + message : "");
    }

    private static Engine start() {
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        if (System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(defaultThreads()));
        }
        OneDnnConvolutions.Mode mode = OneDnnConvolutions.modeFromProperty();
        Engine started;
        try {
            started = Engine.getEngine("PyTorch");
        } catch (RuntimeException | LinkageError e) {
            throw new LaminaRuntimeException(
                    "Could not start DJL's PyTorch engine ("
                            + rootCause(e)
                            + "). Lamina loads PyTorch's native library from the class path and never"
                            + " downloads it: add the dependency "
                            + NATIVE_DEPENDENCY
                            + " (or a GPU build of it) next to ai.djl.pytorch:pytorch-engine.",
                    e);
        }
        oneDnnMode = mode;
        if (mode != OneDnnConvolutions.Mode.ENABLED) {
            // Before any convolution runs: oneDNN's backward pass gives sporadic NaN gradients (see the class).
            boolean forwardOnly = mode == OneDnnConvolutions.Mode.BACKWARD_OFF;
            OneDnnConvolutions.setEnabled(forwardOnly).ifPresent(reason -> System.err.println(
                    "[lamina] warning: could not switch off oneDNN convolutions (" + reason + "); convolution"
                            + " gradients may be NaN now and then, and the optimizers will skip those steps"));
        }
        return started;
    }
}
