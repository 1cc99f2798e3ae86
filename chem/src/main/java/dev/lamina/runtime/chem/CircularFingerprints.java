package dev.lamina.runtime.chem;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Turns SMILES into folded circular fingerprints (CDK's {@link CircularFingerprinter}): a float[] of 0s and 1s,
 * one per bit, ready to be a network's input. ECFP4 with 2048 bits by default, the notebook's size.
 *
 * <p>CDK's ECFP4 describes the same atom environments as RDKit's Morgan radius-2 fingerprint, but hashes them
 * differently, so the bits set are at other positions: a model trained on one cannot be fed the other.
 *
 * <p>Not thread-safe (CDK's parser and fingerprinter keep state): use one instance per thread.
 */
public final class CircularFingerprints {

    public static final int DEFAULT_LENGTH = 2048;

    private final EcfpClass ecfpClass;
    private final int length;
    private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    private final CircularFingerprinter fingerprinter;

    /** ECFP4, 2048 bits. */
    public CircularFingerprints() {
        this(EcfpClass.ECFP4, DEFAULT_LENGTH);
    }

    public CircularFingerprints(EcfpClass ecfpClass, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("a fingerprint needs a positive number of bits, got " + length);
        }
        this.ecfpClass = ecfpClass;
        this.length = length;
        this.fingerprinter = new CircularFingerprinter(ecfpClass.cdkClass(), length);
    }

    public EcfpClass ecfpClass() {
        return ecfpClass;
    }

    /** The number of bits, which is the length of every array {@link #bits} returns. */
    public int length() {
        return length;
    }

    /**
     * The molecule's fingerprint: element {@code i} is 1 if bit {@code i} is set, else 0.
     *
     * @throws SmilesException if CDK cannot parse the SMILES, it has no atoms, or CDK cannot fingerprint it
     */
    public float[] bits(String smiles) throws SmilesException {
        float[] bits = new float[length];
        for (int index : setBits(smiles)) {
            bits[index] = 1f;
        }
        return bits;
    }

    /** The indices of the bits set, ascending. */
    public int[] setBits(String smiles) throws SmilesException {
        if (smiles == null || smiles.isBlank()) {
            throw new SmilesException(String.valueOf(smiles), "is empty", null);
        }
        IAtomContainer molecule;
        try {
            molecule = parser.parseSmiles(smiles.strip());
        } catch (InvalidSmilesException e) {
            throw new SmilesException(smiles, "CDK cannot parse it: " + parseProblem(smiles, e.getMessage()), e);
        }
        if (molecule.getAtomCount() == 0) {
            throw new SmilesException(smiles, "describes no atoms", null);
        }
        try {
            return fingerprinter.getBitFingerprint(molecule).getSetbits();
        } catch (CDKException | RuntimeException e) {
            // CDK signals some unusual molecules with runtime exceptions; for a data set that is one bad row.
            throw new SmilesException(smiles, "CDK cannot fingerprint it: " + e, e);
        }
    }

    /**
     * The reason in CDK's message, which reads "could not parse 'C1CC', Unclosed ring detected, ...:" followed
     * by lines showing the SMILES with a caret: the SMILES is already in our message, and reports want one line.
     */
    private static String parseProblem(String smiles, String cdkMessage) {
        String problem = cdkMessage == null ? "unknown problem" : cdkMessage.lines().findFirst().orElse("").strip();
        String prefix = "could not parse '" + smiles.strip() + "', ";
        if (problem.startsWith(prefix)) {
            problem = problem.substring(prefix.length());
        }
        return problem.endsWith(":") ? problem.substring(0, problem.length() - 1) : problem;
    }
}
