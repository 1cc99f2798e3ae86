package dev.lamina.processor.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Pools of attribute values, each split into values the language documents as valid and values it
 * documents as invalid, and the Java literals that write them (including the legal constant expressions
 * for NaN and the infinities).
 */
final class Values {

    private Values() {}

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;
    static final double NEG_INF = Double.NEGATIVE_INFINITY;
    static final List<Double> NON_FINITE = List.of(NAN, INF, NEG_INF);

    /** A category of double attribute: its valid and invalid values. */
    record Doubles(List<Double> valid, List<Double> invalid) {}

    static final Doubles DROPOUT = new Doubles(
            List.of(0.0, -0.0, 0.1, 0.2, 0.5, 0.9, 0.99, 0.9999999999999999, Double.MIN_VALUE),
            List.of(1.0, 1.5, -0.1, -Double.MIN_VALUE, 1.0000000000000002, 100.0, NAN, INF, NEG_INF));
    static final Doubles BN_EPS = new Doubles(
            List.of(1e-5, 1e-3, 0.1, 1.0, 10.0, Double.MIN_VALUE, 1e-300, Double.MAX_VALUE),
            List.of(0.0, -0.0, -1e-5, -1.0, NAN, INF, NEG_INF));
    static final Doubles BN_MOMENTUM = new Doubles(
            List.of(0.0, -0.0, 0.01, 0.1, 0.5, 0.99, 1.0),
            List.of(-0.1, -Double.MIN_VALUE, 1.0000000000000002, 2.0, NAN, INF, NEG_INF));
    static final Doubles SLOPE = new Doubles(
            List.of(0.0, -0.0, 0.01, 0.2, 1.0, 5.0, 1e10, Double.MIN_VALUE),
            List.of(-0.01, -1.0, -Double.MIN_VALUE, NAN, INF, NEG_INF));
    static final Doubles LEARNING_RATE = new Doubles(
            List.of(1e-3, 3e-4, 0.01, 0.1, 1.0, 10.0),
            List.of(0.0, -0.0, -0.01, NAN, INF, NEG_INF));
    static final Doubles BETA = new Doubles(
            List.of(0.0, 0.5, 0.9, 0.999, 0.9999999999999999),
            List.of(1.0, -0.1, 1.5, NAN, INF, NEG_INF));
    static final Doubles ADAM_EPS = new Doubles(
            List.of(1e-8, 1e-6, 1.0, Double.MIN_VALUE),
            List.of(0.0, -1e-8, NAN, INF, NEG_INF));
    static final Doubles AT_LEAST_ZERO = new Doubles(
            List.of(0.0, -0.0, 1e-4, 0.01, 0.5, 1.0),
            List.of(-1e-4, -1.0, NAN, INF, NEG_INF));
    static final Doubles SGD_MOMENTUM = new Doubles(
            List.of(0.0, 0.5, 0.9, 0.99),
            List.of(1.0, -0.5, 1.5, NAN, INF, NEG_INF));
    static final Doubles GAMMA = new Doubles(
            List.of(0.1, 0.5, 1.0, Double.MIN_VALUE),
            List.of(0.0, -0.1, 1.5, NAN, INF, NEG_INF));

    static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** A value from the pool: invalid with probability {@code pInvalid}. */
    static double pick(Random r, Doubles pool, double pInvalid) {
        return r.nextDouble() < pInvalid ? pick(r, pool.invalid()) : pick(r, pool.valid());
    }

    /** A literal for {@code value}, in one of the ways Java can write it, and the value javac makes of it. */
    static FuzzCase.Attr doubleAttr(Random r, String name, double value) {
        String literal;
        double actual = value;
        if (Double.isNaN(value)) {
            literal = r.nextBoolean() ? "Double.NaN" : "0.0 / 0";
        } else if (value == INF) {
            literal = r.nextBoolean() ? "Double.POSITIVE_INFINITY" : "1.0 / 0";
        } else if (value == NEG_INF) {
            literal = r.nextBoolean() ? "Double.NEGATIVE_INFINITY" : "-1.0 / 0";
        } else if (value == Double.MIN_VALUE && r.nextBoolean()) {
            literal = "Double.MIN_VALUE";
        } else if (value == -Double.MIN_VALUE && r.nextBoolean()) {
            literal = "-Double.MIN_VALUE";
        } else if (value == Double.MAX_VALUE && r.nextBoolean()) {
            literal = "Double.MAX_VALUE";
        } else if (value == Math.rint(value) && Math.abs(value) < 1000 && Double.compare(value, -0.0) != 0
                && r.nextInt(3) == 0) {
            literal = Integer.toString((int) value); // an int constant widens to double
        } else if (r.nextInt(8) == 0 && Double.isFinite(value) && Math.abs(value) < 1e30) {
            float f = (float) value;
            literal = Float.toString(f) + "f"; // a float constant widens, with float's rounding
            actual = f;
        } else {
            literal = Double.toString(value);
        }
        return new FuzzCase.Attr(name, literal, actual);
    }

    static FuzzCase.Attr intAttr(Random r, String name, int value) {
        String literal;
        if (value == Integer.MAX_VALUE && r.nextBoolean()) {
            literal = "Integer.MAX_VALUE";
        } else if (value == Integer.MIN_VALUE) {
            literal = r.nextBoolean() ? "Integer.MIN_VALUE" : "-2147483648";
        } else if (value > 0 && value < 1_000_000 && r.nextInt(10) == 0) {
            literal = "0x" + Integer.toHexString(value);
        } else {
            literal = Integer.toString(value);
        }
        return new FuzzCase.Attr(name, literal, value);
    }

    /** Widths the language accepts, mostly small (runnable), sometimes large or extreme. */
    static int validWidth(Random r) {
        double p = r.nextDouble();
        if (p < 0.6) {
            return 1 + r.nextInt(8);
        } else if (p < 0.85) {
            return 9 + r.nextInt(56);
        } else if (p < 0.95) {
            return 65 + r.nextInt(448);
        } else if (p < 0.99) {
            return 513 + r.nextInt(3584);
        }
        return pick(r, List.of(100_000, 1 << 20, Integer.MAX_VALUE));
    }

    /** Widths from the whole int range's interesting points, for mutations. */
    static int extremeWidth(Random r, long current) {
        List<Integer> pool = List.of(0, -1, -7, Integer.MIN_VALUE, 1, 2, Integer.MAX_VALUE, 65_536,
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, current + 1)),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, current - 1)), 1 + r.nextInt(20));
        return pick(r, pool);
    }

    /** Network names: plain, empty (default), and ones with characters that need escaping somewhere. */
    static final List<String> NAMES = List.of("", "Mnist", "My net", "quote\"d", "back\\slash", "new\nline",
            "tab\tbed", "ünïcødé ☃", "*/ not a comment end", "<b>&amp;</b>", "$dollar", "a=b", "#hash", "!bang",
            " leading space", "trailing space ", "C:\\temp\\new", "\\u0041", "\\u002a/ escaped comment end", "ends with \\", "x".repeat(300));

    static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    /** Field names: ordinary ones, and legal identifiers that may collide with what the generator writes. */
    static final List<String> ODD_FIELD_NAMES = List.of("_x", "$y", "ünï", "x_1", "Network", "network", "SUMMARY",
            "ARCHITECTURE", "TRAINABLE_PARAMETERS", "NON_TRAINABLE_PARAMETERS", "FLOPS_PER_SAMPLE", "device", "seed",
            "name", "input", "close", "parameter", "forwardEval");

    /** What early stopping may watch, by what the loss predicts (README, @EarlyStopping's Javadoc). */
    static List<String> monitorable(String loss) {
        return switch (loss) {
            case "CROSS_ENTROPY" -> List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy");
            case "BCE_WITH_LOGITS" -> List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy",
                    "val_roc_auc", "val_pr_auc");
            default -> List.of("train_loss", "val_loss", "val_rmse", "val_mae", "val_r2");
        };
    }

    static final List<String> LOSSES = List.of("CROSS_ENTROPY", "BCE_WITH_LOGITS", "MSE", "L1", "HUBER");
    static final List<String> BAD_MONITORS = List.of("", "val_los", "test_roc_auc", "test_loss", "train_los",
            "accuracy", "VAL_LOSS", "val_loss ", "loss", "test_r2");
    static final Doubles SPLIT_SHARE = new Doubles(
            List.of(0.0, -0.0, 0.1, 0.2, 0.45, 0.9),
            List.of(1.0, -0.1, 1.5, NAN, INF, NEG_INF));
}
