package dev.lamina.spec.contract;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the index records of one network: enough for the Maven plugin to pick and train it and for the test
 * compilation to generate its tests, without loading any class of the module. The processor {@link #write()
 * writes} it; the readers {@link #parse(String) parse} it, so both sides agree on keys and formats by
 * construction.
 *
 * @param name the {@code @Network} name
 * @param userClass the qualified name of the annotated class
 * @param networkClass the qualified name of the generated network class
 * @param trainerClass the qualified name of the generated trainer, empty without {@code @Train}
 * @param outputShape the output shape of one sample (batch excluded)
 * @param loss the name of the {@code dev.lamina.dsl.Loss} constant the network trains with (or, without
 *     {@code @Train}, the one its output suits); a name, because this module depends on nothing
 * @param dropoutRates every dropout rate in layer order
 * @param batchNorm whether the network normalises batches
 * @param tests the network's {@code @NetworkTests}
 */
public record NetworkIndexEntry(
        String name,
        String userClass,
        String networkClass,
        Optional<String> trainerClass,
        List<Long> outputShape,
        String loss,
        List<Double> dropoutRates,
        boolean batchNorm,
        NetworkTestSettings tests) {

    private static final String HEADER = "# Written by the Lamina annotation processor.\n";

    public NetworkIndexEntry {
        outputShape = List.copyOf(outputShape);
        dropoutRates = List.copyOf(dropoutRates);
    }

    /** The user class's simple name, by which the Maven plugin also accepts a network. */
    public String simpleClassName() {
        return userClass.substring(userClass.lastIndexOf('.') + 1);
    }

    /**
     * The entry's file text: keys sorted and no timestamp (which {@code Properties.store} would add), so a
     * rebuild writes the same bytes.
     */
    public String write() {
        Map<String, String> values = new TreeMap<>();
        values.put(NetworkIndexKeys.NAME, name);
        values.put(NetworkIndexKeys.USER_CLASS, userClass);
        values.put(NetworkIndexKeys.NETWORK_CLASS, networkClass);
        trainerClass.ifPresent(trainer -> values.put(NetworkIndexKeys.TRAINER_CLASS, trainer));
        values.put(NetworkIndexKeys.OUTPUT, joined(outputShape));
        values.put(NetworkIndexKeys.LOSS, loss);
        values.put(NetworkIndexKeys.DROPOUT, joined(dropoutRates));
        values.put(NetworkIndexKeys.BATCH_NORM, String.valueOf(batchNorm));
        values.put(NetworkIndexKeys.TESTS_ENABLED, String.valueOf(tests.enabled()));
        values.put(NetworkIndexKeys.TESTS_BATCH_SIZE, String.valueOf(tests.batchSize()));
        values.put(NetworkIndexKeys.TESTS_STEPS, String.valueOf(tests.steps()));
        values.put(NetworkIndexKeys.TESTS_TOLERANCE, String.valueOf(tests.tolerance()));
        StringBuilder text = new StringBuilder(HEADER);
        values.forEach((key, value) -> text.append(key).append('=').append(escaped(value)).append('\n'));
        return text.toString();
    }

    /**
     * The entry an index file's text describes. Keys a reader can do without ({@code trainer}, the dropout
     * and batch-norm facts, the test settings) default to what a network without them means.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static NetworkIndexEntry parse(String text) {
        Properties entry = new Properties();
        try {
            entry.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        NetworkTestSettings defaults = NetworkTestSettings.DEFAULTS;
        try {
            return new NetworkIndexEntry(
                    required(entry, NetworkIndexKeys.NAME),
                    required(entry, NetworkIndexKeys.USER_CLASS),
                    required(entry, NetworkIndexKeys.NETWORK_CLASS),
                    Optional.ofNullable(entry.getProperty(NetworkIndexKeys.TRAINER_CLASS)),
                    longs(entry.getProperty(NetworkIndexKeys.OUTPUT, "")),
                    entry.getProperty(NetworkIndexKeys.LOSS, ""),
                    doubles(entry.getProperty(NetworkIndexKeys.DROPOUT, "")),
                    Boolean.parseBoolean(entry.getProperty(NetworkIndexKeys.BATCH_NORM, "false")),
                    new NetworkTestSettings(
                            Boolean.parseBoolean(entry.getProperty(NetworkIndexKeys.TESTS_ENABLED,
                                    String.valueOf(defaults.enabled()))),
                            Integer.parseInt(entry.getProperty(NetworkIndexKeys.TESTS_BATCH_SIZE,
                                    String.valueOf(defaults.batchSize()))),
                            Integer.parseInt(entry.getProperty(NetworkIndexKeys.TESTS_STEPS,
                                    String.valueOf(defaults.steps()))),
                            Double.parseDouble(entry.getProperty(NetworkIndexKeys.TESTS_TOLERANCE,
                                    String.valueOf(defaults.tolerance())))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Lamina network index entry holds a malformed number: "
                    + e.getMessage() + "; recompile the module to rewrite its index", e);
        }
    }

    private static String required(Properties entry, String key) {
        String value = entry.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Lamina network index entry lacks '" + key
                    + "'; recompile the module to rewrite its index");
        }
        return value;
    }

    private static String joined(List<? extends Number> numbers) {
        StringBuilder text = new StringBuilder();
        for (Number number : numbers) {
            text.append(text.length() == 0 ? "" : ",").append(number);
        }
        return text.toString();
    }

    private static List<Long> longs(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(Long.parseLong(part.trim()));
            }
        }
        return values;
    }

    private static List<Double> doubles(String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                values.add(Double.parseDouble(part.trim()));
            }
        }
        return values;
    }

    /** What {@code Properties.load} would otherwise read as an escape or the end of the value. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
