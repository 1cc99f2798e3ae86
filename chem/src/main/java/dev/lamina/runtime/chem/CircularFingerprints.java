package dev.lamina.runtime.chem;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns SMILES into folded circular fingerprints (CDK's {@link CircularFingerprinter}): a float[] of 0s and 1s,
 * one per bit, ready to be a network's input. ECFP4 with 2048 bits by default, the notebook's size.
 *
 * <p>CDK's ECFP4 describes the same atom environments as RDKit's Morgan radius-2 fingerprint, but hashes them
 * differently, so the bits set are at other positions: a model trained on one cannot be fed the other.
 *
 * <p>The work per molecule is bounded: SMILES of more than {@value #MAX_SMILES_CHARS} characters, molecules of
 * more than {@value #MAX_ATOMS} atoms and ring systems too dense to search ({@link #MAX_RING_PATHS}) are refused
 * with a {@link SmilesException} saying so, as is a molecule that takes longer than {@link #MAX_TIME}; CDK runs
 * on a thread with a large stack, since its ring search recurses once per atom of a chain.
 *
 * <p>Each instance fingerprints one molecule at a time (CDK's parser and fingerprinter keep state); calls from
 * several threads wait for each other.
 */
public final class CircularFingerprints {

    public static final int DEFAULT_LENGTH = 2048;

    /** The most bits a fingerprint may have: far more than any model uses, and each bit is a float input. */
    public static final int MAX_LENGTH = 1 << 20;

    /** Longer SMILES are refused unread: drug-like molecules take a few hundred characters. */
    public static final int MAX_SMILES_CHARS = 10_000;

    /** Larger molecules are refused before fingerprinting: Tox21's largest have about 150 heavy atoms. */
    public static final int MAX_ATOMS = 1_000;

    /**
     * The most ring paths the fingerprinter may walk (see {@link RingPaths}): under a second of CDK's time
     * (a 10-atom complete graph is just inside); real molecules, cages and fused ring systems included, need
     * a few thousand.
     */
    public static final long MAX_RING_PATHS = 1_000_000;

    /**
     * The last bound, for what the others do not foresee: a molecule taking longer is skipped, and CDK is
     * left to finish it on a thread of its own while the next molecules go to a new one.
     */
    public static final Duration MAX_TIME = Duration.ofSeconds(20);

    private final EcfpClass ecfpClass;
    private final int length;
    private final Duration budget;
    private SmilesParser parser;
    private CircularFingerprinter fingerprinter;
    private UniqueSmiles keys;
    private DeepStack deepStack;

    /** ECFP4, 2048 bits. */
    public CircularFingerprints() {
        this(EcfpClass.ECFP4, DEFAULT_LENGTH);
    }

    public CircularFingerprints(EcfpClass ecfpClass, int length) {
        this(ecfpClass, length, MAX_TIME);
    }

    CircularFingerprints(EcfpClass ecfpClass, int length, Duration budget) {
        if (length <= 0) {
            throw new IllegalArgumentException("a fingerprint needs a positive number of bits, got " + length);
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("a fingerprint has at most " + MAX_LENGTH + " bits, got " + length);
        }
        this.ecfpClass = ecfpClass;
        this.length = length;
        this.budget = budget;
        freshWorker();
    }

    /** CDK's parser and fingerprinter keep state, so a worker left running keeps its own. */
    private void freshWorker() {
        parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        fingerprinter = new CircularFingerprinter(ecfpClass.cdkClass(), length);
        keys = new UniqueSmiles();
        deepStack = new DeepStack("lamina-fingerprints");
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
        return read(smiles, false).setBits();
    }

    /**
     * The molecule's fingerprint, canonical SMILES and Bemis-Murcko scaffold, from one parse and within the
     * same bounds as the fingerprint alone.
     *
     * @throws SmilesException if CDK cannot parse the SMILES, it has no atoms, or CDK cannot fingerprint it or
     *     write its canonical SMILES
     */
    public FingerprintedMolecule describe(String smiles) throws SmilesException {
        return read(smiles, true);
    }

    /** The molecule's bits, and its keys too when {@code withKeys} (else they are null). */
    private synchronized FingerprintedMolecule read(String smiles, boolean withKeys) throws SmilesException {
        if (smiles == null || smiles.isBlank()) {
            throw new SmilesException(String.valueOf(smiles), "is empty", null);
        }
        String text = smiles.strip();
        if (text.length() > MAX_SMILES_CHARS) {
            throw new SmilesException(smiles, "is " + text.length() + " characters long; Lamina fingerprints SMILES"
                    + " of at most " + MAX_SMILES_CHARS + " characters", null);
        }
        try {
            SmilesParser smilesParser = parser;
            CircularFingerprinter cdkFingerprinter = fingerprinter;
            UniqueSmiles writer = withKeys ? keys : null;
            return deepStack.call(() -> fingerprint(smiles, text, smilesParser, cdkFingerprinter, writer), budget);
        } catch (SmilesException e) {
            throw e;
        } catch (TimeoutException e) {
            freshWorker();
            throw new SmilesException(smiles, "CDK took more than " + budget.toMillis() + " ms on it", e);
        } catch (StackOverflowError e) {
            throw new SmilesException(smiles, "CDK's ring search recursed too deeply on it", e);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while fingerprinting '" + SmilesException.shown(smiles)
                    + "'", e);
        } catch (Exception e) {
            // CDK signals some unusual molecules with runtime exceptions; for a data set that is one bad row.
            throw new SmilesException(smiles, "CDK cannot read it: " + e, e);
        }
    }

    /** Parses and fingerprints, on the deep stack, refusing molecules whose ring search would not end soon. */
    private static FingerprintedMolecule fingerprint(String smiles, String text, SmilesParser parser,
            CircularFingerprinter fingerprinter, UniqueSmiles keys) throws SmilesException {
        IAtomContainer molecule;
        try {
            molecule = parser.parseSmiles(text);
        } catch (InvalidSmilesException e) {
            throw new SmilesException(smiles, "CDK cannot parse it: " + parseProblem(text, e.getMessage()), e);
        }
        if (molecule.getAtomCount() == 0) {
            throw new SmilesException(smiles, "describes no atoms", null);
        }
        if (molecule.getAtomCount() > MAX_ATOMS) {
            throw new SmilesException(smiles, "has " + molecule.getAtomCount() + " atoms; Lamina fingerprints"
                    + " molecules of at most " + MAX_ATOMS, null);
        }
        if (RingPaths.exceed(molecule, MAX_RING_PATHS)) {
            throw new SmilesException(smiles, "its rings are too densely bonded to search in reasonable time (more"
                    + " than " + MAX_RING_PATHS + " paths of up to " + RingPaths.MAX_RING_SIZE
                    + " atoms; real molecules have thousands)", null);
        }
        int[] bits;
        try {
            bits = fingerprinter.getBitFingerprint(molecule).getSetbits();
        } catch (CDKException | RuntimeException e) {
            throw new SmilesException(smiles, "CDK cannot fingerprint it: " + e, e);
        }
        if (keys == null) {
            return new FingerprintedMolecule(bits, null, null);
        }
        // After the fingerprint: perceiving aromaticity sets flags on the molecule, which must not change it.
        try {
            return new FingerprintedMolecule(bits, keys.molecule(molecule), keys.scaffold(molecule));
        } catch (CDKException | RuntimeException e) {
            throw new SmilesException(smiles, "CDK cannot write its canonical SMILES or scaffold: " + e, e);
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
