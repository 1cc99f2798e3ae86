package dev.lamina.runtime;

import java.util.ServiceLoader;

import org.slf4j.spi.SLF4JServiceProvider;

/**
 * DJL logs through SLF4J. In a project without a logging backend SLF4J prints "No SLF4J providers were
 * found" and three lines more on the first log call: in every training run and test JVM, about something
 * the user never chose. Lamina then picks SLF4J's own no-operation provider explicitly, which is what
 * SLF4J falls back to anyway, minus the warning. A project with a backend (Logback, slf4j-simple, ...)
 * keeps it, and an explicit {@code -Dslf4j.provider} always wins.
 */
public final class QuietLogging {

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String NO_OPERATION_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    /** SLF4J reports an explicit provider at level INFO ("Attempting to load provider ..."). */
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private QuietLogging() {}

    /** Call before anything logs; once SLF4J has initialised, this changes nothing. */
    public static synchronized void install() {
        if (System.getProperty(PROVIDER_PROPERTY) != null || hasProvider()) {
            return;
        }
        System.setProperty(PROVIDER_PROPERTY, NO_OPERATION_PROVIDER);
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
            System.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
    }

    private static boolean hasProvider() {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, SLF4JServiceProvider.class.getClassLoader())
                    .iterator().hasNext();
        } catch (java.util.ServiceConfigurationError e) {
            return true; // A provider is there but broken: let SLF4J report it.
        }
    }
}
