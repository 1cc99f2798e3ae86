package dev.lamina.processor.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the {@link Oracle} expects of one case: errors that must appear ({@link #mandatory}), errors that may
 * appear ({@link #allowed}: follow-ups the rules leave open), and for a valid network what its generated
 * code must say: stage outputs, parameter names and exact parameter counts.
 */
final class Verdict {

    enum Kind {
        /** No error may appear; a network is generated and must compile and run. */
        VALID,
        /** At least one error must appear, each on a member the oracle names. */
        INVALID,
        /** The documented rules leave it open (only "allowed" errors); either outcome passes. */
        OPEN,
        /** javac itself rejects the source; its error must be there and the processor must not crash. */
        JAVAC
    }

    /**
     * One error the oracle expects or tolerates: on one of {@code lines} (null: any line), with the code
     * ({@code lamina:range}...; {@code javac} for javac's own errors; {@code *} for any).
     */
    record Expected(Set<Integer> lines, String code, String reason) {

        boolean matches(long line, String actualCode) {
            boolean codeMatches = code.equals("*") || code.equals(actualCode);
            return codeMatches && (lines == null || lines.contains((int) line));
        }

        @Override
        public String toString() {
            return code + " on line " + (lines == null ? "any" : lines.size() == 1 ? lines.iterator().next() : lines)
                    + " (" + reason + ")";
        }
    }

    /** A stage of a valid network: its field name, the shape it outputs, its parameters in order. */
    record Stage(String name, List<Long> output, List<String> parameterNames) {}

    final List<Expected> mandatory = new ArrayList<>();
    final List<Expected> allowed = new ArrayList<>();
    boolean javac;

    /** Whether a network class is expected to be generated when there are no errors. */
    boolean network;
    /** A graph network: generated as {@code GRAPH}; for a valid one, its stages' output widths and its outputs. */
    boolean graph;
    final java.util.Map<String, Long> graphWidths = new java.util.LinkedHashMap<>();
    final List<String> graphOutputs = new ArrayList<>();
    String name;
    List<Long> input;
    final List<Stage> stages = new ArrayList<>();
    BigInteger trainable = BigInteger.ZERO;
    BigInteger nonTrainable = BigInteger.ZERO;
    final List<Double> dropouts = new ArrayList<>();
    boolean batchNorm;
    boolean train;
    String loss;
    boolean testsEnabled = true;
    int testsBatchSize = 32;
    int testsSteps = 20;
    double testsTolerance = 1e-5;
    /** The largest number of values one sample has at any point, for deciding whether it can run here. */
    BigInteger largestActivation = BigInteger.ZERO;
    /** The largest single dimension (width, channels, flattened size) anywhere in the network. */
    long largestDimension;

    Kind kind() {
        if (javac) {
            return Kind.JAVAC;
        }
        if (!mandatory.isEmpty()) {
            return Kind.INVALID;
        }
        return allowed.isEmpty() ? Kind.VALID : Kind.OPEN;
    }

    List<Long> output() {
        return stages.isEmpty() ? input : stages.get(stages.size() - 1).output();
    }

    List<String> parameterNames() {
        return stages.stream().flatMap(s -> s.parameterNames().stream()).toList();
    }

    /** Small enough to build and run on the CPU in a test. */
    boolean runnable() {
        return network && trainable.add(nonTrainable).compareTo(BigInteger.valueOf(2_000_000)) <= 0
                && largestActivation.compareTo(BigInteger.valueOf(50_000)) <= 0;
    }

    boolean permits(long line, String code) {
        return mandatory.stream().anyMatch(e -> e.matches(line, code))
                || allowed.stream().anyMatch(e -> e.matches(line, code));
    }

    @Override
    public String toString() {
        return kind() + (mandatory.isEmpty() ? "" : " must: " + mandatory) + (allowed.isEmpty() ? "" : " may: " + allowed)
                + (kind() == Kind.VALID && graph ? " outputs " + graphOutputs + ", widths " + graphWidths : "")
                + (kind() == Kind.VALID && network && !graph ? " output " + output() + ", params " + trainable + " + " + nonTrainable : "");
    }
}
