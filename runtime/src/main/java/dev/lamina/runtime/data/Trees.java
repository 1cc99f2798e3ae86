package dev.lamina.runtime.data;

import java.util.List;
import java.util.Map;

/** Strict reads from the JSON trees a model file holds: a missing or mistyped value names its key. */
final class Trees {

    private Trees() {}

    static Object value(Map<String, Object> tree, String key) {
        Object value = tree.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing value '" + key + "'");
        }
        return value;
    }

    static int intValue(Map<String, Object> tree, String key) {
        Object value = value(tree, key);
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, was " + value);
        }
        return number.intValue();
    }

    static String string(Map<String, Object> tree, String key) {
        Object value = value(tree, key);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'" + key + "' must be a string, was " + value);
        }
        return text;
    }

    /** A list of finite numbers of exactly {@code length} elements. */
    static double[] doubles(Map<String, Object> tree, String key, int length) {
        Object value = value(tree, key);
        if (!(value instanceof List<?> list) || list.size() != length) {
            throw new IllegalArgumentException("'" + key + "' must be a list of " + length + " numbers");
        }
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            if (!(list.get(i) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException("'" + key + "'[" + i + "] must be a finite number, was " + list.get(i));
            }
            values[i] = number.doubleValue();
        }
        return values;
    }
}
