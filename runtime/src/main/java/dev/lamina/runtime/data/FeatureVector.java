package dev.lamina.runtime.data;

import java.util.Map;

/** Raw input that already is the features, as a flat {@code float[]} of the network's sample size. */
public record FeatureVector(int featureCount) implements Preprocessing<float[]> {

    public static final String KIND = "features";

    public FeatureVector {
        if (featureCount <= 0) {
            throw new IllegalArgumentException("a feature vector needs at least one feature, was " + featureCount);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<float[]> rawType() {
        return float[].class;
    }

    @Override
    public float[] apply(float[] raw) {
        check(raw, featureCount);
        return raw.clone();
    }

    /** Rejects a null, short, long or non-finite input before it reaches native code. */
    static void check(float[] raw, int width) {
        if (raw == null) {
            throw new InvalidInputException("the input is null; expected " + width + " values");
        }
        if (raw.length != width) {
            throw new InvalidInputException("the input has " + raw.length + " values; the model expects " + width);
        }
        for (int i = 0; i < raw.length; i++) {
            if (!Float.isFinite(raw[i])) {
                throw new InvalidInputException("input value " + i + " is " + raw[i] + "; every value must be finite");
            }
        }
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("features", featureCount);
    }

    /** Reads {@link FeatureVector}. */
    public static final class Kind implements PreprocessingKind {
        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Preprocessing<?> read(Map<String, Object> parameters) {
            return new FeatureVector(Trees.intValue(parameters, "features"));
        }
    }
}
