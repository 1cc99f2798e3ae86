package dev.lamina.processor.fuzz;

/** Bugs the fuzzer found that are not fixed yet; see the class comment of each entry. */
final class KnownBugs {

    private KnownBugs() {}

    static String match(FuzzCase c, Verdict v, String property, String detail) {
        return null;
    }
}
