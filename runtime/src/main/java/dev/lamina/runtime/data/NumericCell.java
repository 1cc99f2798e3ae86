package dev.lamina.runtime.data;

import java.util.Locale;
import java.util.Set;

/**
 * Reads one cell of a text file as a finite float. Stricter than {@link Float#parseFloat}, which also accepts
 * "NaN", "Infinity", hexadecimal and a trailing 'f' or 'd': a cell must be a plain decimal number such as
 * {@code 7}, {@code -0.25} or {@code 1.5e-3} (spaces around it are ignored). NaN and infinite values are
 * rejected with their own message, because they usually stand for missing data that must be dealt with before
 * training, and a single one turns every loss into NaN.
 */
public final class NumericCell {

    private static final Set<String> NOT_FINITE = Set.of("nan", "inf", "infinity");
    private static final int MAX_SHOWN = 30;

    private NumericCell() {}

    /**
     * The cell's value.
     *
     * @throws NumberFormatException with a message that quotes the cell and says what is wrong with it, to be
     *     prefixed with the file, line and column by the caller
     */
    public static float parse(String cell) {
        String text = cell.strip();
        if (text.isEmpty()) {
            throw new NumberFormatException("the cell is empty (a missing value?)");
        }
        String unsigned = text.charAt(0) == '+' || text.charAt(0) == '-' ? text.substring(1) : text;
        if (NOT_FINITE.contains(unsigned.toLowerCase(Locale.ROOT))) {
            throw new NumberFormatException("'" + text + "': NaN and infinite values are not allowed"
                    + " (remove or fill in missing values before training)");
        }
        if (!isDecimal(text)) {
            throw new NumberFormatException(quote(text) + " is not a number");
        }
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            throw new NumberFormatException(quote(text) + " is too large for a float");
        }
        return value;
    }

    /** Whether {@link #parse} accepts the cell. */
    public static boolean isNumber(String cell) {
        try {
            parse(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What a cell holds, for a column that may hold numbers or names. */
    enum Kind {
        /** Nothing but spaces: a missing value. */
        EMPTY,
        /** A decimal number, as {@link #parse} reads it (which may still find it too large for a float). */
        NUMBER,
        /** NaN or an infinity, spelled as {@link #parse} recognises and refuses them: a number column's gap. */
        NOT_FINITE,
        /** Anything else: text. */
        TEXT
    }

    /** The kind of the cell, spaces around it ignored. */
    static Kind kind(String cell) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return Kind.EMPTY;
        }
        if (isDecimal(text)) {
            return Kind.NUMBER;
        }
        String unsigned = text.charAt(0) == '+' || text.charAt(0) == '-' ? text.substring(1) : text;
        return NOT_FINITE.contains(unsigned.toLowerCase(Locale.ROOT)) ? Kind.NOT_FINITE : Kind.TEXT;
    }

    /** [+-] digits [. digits] [e [+-] digits], with at least one digit before the exponent. */
    private static boolean isDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The text in single quotes, cut after {@value #MAX_SHOWN} characters: for messages. */
    static String quote(String text) {
        return "'" + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text) + "'";
    }
}
