package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tunes, or turns off, the JUnit 5 tests Lamina generates for a {@link Network} ({@code
 * <Name>NetworkTest}, compiled and run with the project's own tests). Without this annotation every
 * network gets them with the defaults below.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface NetworkTests {

    /** {@code false} generates no tests for this network. */
    boolean enabled() default true;

    /** Samples in the batches the tests use (the learning test trains on one such batch). At least 2. */
    int batchSize() default 32;

    /** Optimizer steps in the test that the network can learn a fixed batch. At least 1. */
    int steps() default 20;

    /** Allowed relative deviation of Dropout's scaling from 1/(1-p). */
    double tolerance() default 1e-5;
}
