package dev.lamina.spec.contract;

/**
 * The keys of a network's index entry. {@link NetworkIndexEntry} writes and parses them; they are public so
 * a test can write a deliberately incomplete entry with the same names the readers expect.
 */
public final class NetworkIndexKeys {

    /** The {@code @Network} name. */
    public static final String NAME = "name";
    /** The qualified name of the user's annotated class. */
    public static final String USER_CLASS = "class";
    /** The qualified name of the generated network class. */
    public static final String NETWORK_CLASS = "network";
    /** The qualified name of the generated trainer; absent for a network without {@code @Train}. */
    public static final String TRAINER_CLASS = "trainer";
    /** The output shape of one sample, dimensions separated by commas. */
    public static final String OUTPUT = "output";
    /** The name of the loss's {@code dev.lamina.dsl.Loss} constant. */
    public static final String LOSS = "loss";
    /** Every dropout rate in layer order, separated by commas; empty without dropout. */
    public static final String DROPOUT = "dropout";
    /** Whether the network has a batch normalisation layer. */
    public static final String BATCH_NORM = "batchNorm";
    /** {@code @NetworkTests(enabled)}. */
    public static final String TESTS_ENABLED = "tests.enabled";
    /** {@code @NetworkTests(batchSize)}. */
    public static final String TESTS_BATCH_SIZE = "tests.batchSize";
    /** {@code @NetworkTests(steps)}. */
    public static final String TESTS_STEPS = "tests.steps";
    /** {@code @NetworkTests(tolerance)}. */
    public static final String TESTS_TOLERANCE = "tests.tolerance";

    private NetworkIndexKeys() {}
}
