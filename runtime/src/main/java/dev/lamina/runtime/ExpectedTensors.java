package dev.lamina.runtime;

import dev.lamina.runtime.io.ParameterFileException;
import dev.lamina.runtime.io.SafeTensors;
import dev.lamina.runtime.io.SafeTensorsHeader;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors a file must hold to be loaded into a network: exactly its parameters, with their shapes,
 * plus in a checkpoint the optimizer's state. Checked on the header, so reading a file never allocates
 * more than the network and its optimizer already hold, whatever the file claims.
 */
public final class ExpectedTensors implements SafeTensors.HeaderCheck {

    /** Room for metadata (the network's name, a checkpoint's progress and callback states). */
    private static final long METADATA_BYTES = 1 << 20;

    /** A generous header entry: name, dtype, shape and offsets. */
    private static final long BYTES_PER_TENSOR = 1024;

    private final Path file;
    private final LaminaNetwork network;
    private final String extraPrefix;
    private final Map<String, long[]> extra;

    private ExpectedTensors(Path file, LaminaNetwork network, String extraPrefix, Map<String, long[]> extra) {
        this.file = file;
        this.network = network;
        this.extraPrefix = extraPrefix;
        this.extra = extra;
    }

    /** Exactly the network's parameters. */
    public static ExpectedTensors parametersOf(Path file, LaminaNetwork network) {
        return new ExpectedTensors(file, network, null, Map.of());
    }

    /**
     * The network's parameters and, under names starting with {@code prefix}, exactly the tensors of
     * {@code extra} (by name without the prefix).
     */
    public static ExpectedTensors withExtra(
            Path file, LaminaNetwork network, String prefix, Map<String, long[]> extra) {
        return new ExpectedTensors(file, network, prefix, Map.copyOf(extra));
    }

    @Override
    public long maxHeaderBytes() {
        return METADATA_BYTES + BYTES_PER_TENSOR * (network.parameterNames().size() + extra.size());
    }

    @Override
    public void checkName(String name) throws ParameterFileException {
        if (isExtra(name)) {
            if (!extra.containsKey(name.substring(extraPrefix.length()))) {
                throw new ParameterFileException(file, "holds optimizer state '" + name
                        + "', which this run's optimizer does not keep; it was written by another optimizer or network");
            }
        } else {
            network.checkKnown(file, name);
        }
    }

    @Override
    public void check(SafeTensorsHeader header) throws ParameterFileException {
        Map<String, long[]> parameters = new LinkedHashMap<>();
        Map<String, long[]> found = new LinkedHashMap<>();
        header.shapes().forEach((name, shape) -> {
            if (isExtra(name)) {
                found.put(name.substring(extraPrefix.length()), shape);
            } else {
                parameters.put(name, shape);
            }
        });
        network.checkCompatible(file, header.metadata(), parameters);
        for (Map.Entry<String, long[]> expected : extra.entrySet()) {
            long[] shape = found.get(expected.getKey());
            if (shape == null || !Arrays.equals(shape, expected.getValue())) {
                throw new ParameterFileException(file, "has no optimizer state '" + expected.getKey() + "' of shape "
                        + Shapes.format(expected.getValue()) + "; it was written by another optimizer or network");
            }
        }
    }

    private boolean isExtra(String name) {
        return extraPrefix != null && name.startsWith(extraPrefix);
    }
}
