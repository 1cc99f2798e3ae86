package dev.lamina.runtime.chem;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * Canonical SMILES from CDK: one string per molecule however its SMILES was written ({@code OCC}, {@code C(O)C}
 * and {@code [CH3][CH2][OH]} are all {@code CCO}; Kekulé and aromatic benzene are both {@code c1ccccc1}), so
 * that it can key a molecule across files. Aromaticity is perceived first (Daylight's model), since CDK's
 * canonical order depends on the bond orders it is given and a Kekulé input has one of several.
 *
 * <p>Stereochemistry is left out, of molecules and of scaffolds (as chemprop's default scaffold does): CDK
 * writes canonical stereo SMILES only through its native InChI module, and the circular fingerprint does not
 * see stereochemistry either, so two stereoisomers would be two identical rows. Keyed as one molecule, a task
 * that labels them differently has a conflict that the merge can see and count.
 */
final class UniqueSmiles {

    private static final Aromaticity AROMATICITY =
            new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));

    private final SmilesGenerator generator = new SmilesGenerator(SmiFlavor.Unique | SmiFlavor.UseAromaticSymbols);

    /** The molecule's canonical SMILES; sets aromaticity flags on {@code molecule}. */
    String molecule(IAtomContainer molecule) throws CDKException {
        AROMATICITY.apply(molecule);
        return generator.create(molecule);
    }

    /** The canonical SMILES of the molecule's Bemis-Murcko scaffold; "" for a molecule without rings. */
    String scaffold(IAtomContainer molecule) throws CDKException {
        IAtomContainer scaffold = MurckoScaffolds.of(molecule);
        if (scaffold.isEmpty()) {
            return "";
        }
        AROMATICITY.apply(scaffold);
        return generator.create(scaffold);
    }
}
