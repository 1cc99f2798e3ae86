package dev.lamina.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of networks and stages: which are valid, and "did you mean" suggestions for names a user mistyped,
 * shared by the compiler's diagnostics and the runtime's errors.
 */
public final class Names {

    /** Letters, digits, '_', '-', '.' and single inner spaces. */
    private static final Pattern NETWORK_NAME = Pattern.compile("[\\p{L}\\p{N}_.-]+( [\\p{L}\\p{N}_.-]+)*");

    private Names() {}

    /**
     * Whether {@code name} may name a network: letters, digits, '_', '-', '.' and single inner spaces, and not
     * only dots. The name becomes a folder, a file header, a report title and a Python string, so nothing
     * that could break out of one of them is accepted.
     */
    public static boolean isNetworkName(String name) {
        return name != null && NETWORK_NAME.matcher(name).matches() && !name.chars().allMatch(c -> c == '.');
    }

    /**
     * Whether {@code name} is a Java identifier, as every network and stage name written in the DSL is.
     * Names reach generated Java and Python source and file names, so nothing else is accepted there.
     */
    public static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart)
                && name.codePoints().noneMatch(Character::isIdentifierIgnorable);
    }

    /** The candidate closest to {@code wrong}, if it is close enough to be a plausible typo. */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(candidate -> distance(wrong, candidate)))
                .filter(best -> distance(wrong, best) <= Math.max(2, best.length() / 3));
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
