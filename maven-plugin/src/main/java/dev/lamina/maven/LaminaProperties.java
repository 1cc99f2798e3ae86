package dev.lamina.maven;

import dev.lamina.spec.Names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code -Dlamina.*} properties the goal reads. Maven ignores a property no parameter reads, so
 * {@code -Dlamina.epoch=1} would silently train every epoch; the goal warns about such a property instead,
 * with the name it probably meant.
 */
final class LaminaProperties {

    static final String PREFIX = "lamina.";

    /**
     * The properties of the plugin's goals' parameters (train's, and predict's model, input and output, which a
     * shared command line may carry too); {@code LaminaPropertiesTest} checks them against the plugin descriptor.
     */
    static final Set<String> KNOWN = Set.of("lamina.network", "lamina.epochs", "lamina.batchSize",
            "lamina.learningRate", "lamina.device", "lamina.threads", "lamina.seed", "lamina.limit", "lamina.split", "lamina.seeds", "lamina.resume",
            "lamina.progress", "lamina.outputDirectory", "lamina.jvmArgs", "lamina.model", "lamina.input",
            "lamina.output");

    /** Names from the trainer's command line and other words a user may reach for first. */
    private static final Map<String, String> ALIASES = Map.of("lamina.lr", "lamina.learningRate",
            "lamina.name", "lamina.network");

    private LaminaProperties() {}

    /** One warning per {@code lamina.*} property no parameter reads, sorted by name. */
    static List<String> warnings(Map<?, ?> properties) {
        Set<String> unknown = new TreeSet<>();
        properties.keySet().forEach(key -> {
            String name = String.valueOf(key);
            if (name.startsWith(PREFIX) && !KNOWN.contains(name)) {
                unknown.add(name);
            }
        });
        List<String> warnings = new ArrayList<>();
        for (String name : unknown) {
            warnings.add("-D" + name + " is not a property of lamina:train and is ignored"
                    + closest(name).map(known -> "; did you mean -D" + known + "?").orElse("; the properties are "
                            + String.join(", ", new TreeSet<>(KNOWN))));
        }
        return warnings;
    }

    /** The known property nearest to {@code name}, if it is near enough to be a typo of it. */
    static Optional<String> closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(lower)) {
            return Optional.of(ALIASES.get(lower));
        }
        return KNOWN.stream()
                .map(known -> Map.entry(known, Names.distance(lower, known.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 4))
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }
}
