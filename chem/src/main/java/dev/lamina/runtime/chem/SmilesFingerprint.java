package dev.lamina.runtime.chem;

import dev.lamina.runtime.data.InvalidInputException;
import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.data.PreprocessingKind;

import java.util.Map;

/**
 * SMILES to a CDK circular fingerprint, as the data source computed it for training: the preprocessing of a
 * molecule model, saved in its model file so that {@code predict("CC(=O)O")} fingerprints exactly as training
 * did. Thread-safe: CDK's parser and fingerprinter keep state, so each thread gets its own.
 *
 * @param ecfpClass which atom environments (ECFP4: radius 2)
 * @param bits the folded length, the network's input width
 */
public record SmilesFingerprint(EcfpClass ecfpClass, int bits) implements Preprocessing<String> {

    public static final String KIND = "cdk-circular-fingerprint";

    public SmilesFingerprint {
        if (ecfpClass == null || bits <= 0) {
            throw new IllegalArgumentException("a fingerprint needs a class and a positive number of bits, got "
                    + ecfpClass + " and " + bits);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<String> rawType() {
        return String.class;
    }

    @Override
    public int featureCount() {
        return bits;
    }

    @Override
    public float[] apply(String smiles) {
        if (smiles == null) {
            throw new InvalidInputException("the SMILES is null");
        }
        try {
            return Fingerprinters.get(ecfpClass, bits).bits(smiles);
        } catch (SmilesException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("class", ecfpClass.name(), "bits", bits);
    }

    /** Reads a {@link SmilesFingerprint} from a model file; registered as a service. */
    public static final class Kind implements PreprocessingKind {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Preprocessing<?> read(Map<String, Object> parameters) {
            Object name = parameters.get("class");
            EcfpClass ecfpClass;
            try {
                ecfpClass = EcfpClass.valueOf(String.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'class' must be one of " + java.util.Arrays.toString(EcfpClass.values())
                        + ", was " + name, e);
            }
            Object bits = parameters.get("bits");
            if (!(bits instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.doubleValue() <= 0 || number.doubleValue() > 1 << 24) {
                throw new IllegalArgumentException("'bits' must be a whole number from 1 to " + (1 << 24) + ", was " + bits);
            }
            return new SmilesFingerprint(ecfpClass, number.intValue());
        }
    }
}
