package dev.lamina.spec.layers;

/** Python spellings of layer values, for the PyTorch equivalents the layers describe. */
public final class Python {

    private Python() {}

    /** A Python float literal for {@code value}, spelled as Python's repr would where Java's differs (1e-05). */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write the non-finite value " + value + " as Python");
        }
        String text = Double.toString(value);
        int e = text.indexOf('E');
        if (e < 0) {
            return text;
        }
        String mantissa = text.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exponent = Integer.parseInt(text.substring(e + 1));
        int magnitude = Math.abs(exponent);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
    }
}
