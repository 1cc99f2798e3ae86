package dev.lamina.examples;

import dev.lamina.runtime.chem.SmilesData;
import dev.lamina.runtime.chem.SmilesLoadResult;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;

/**
 * A regression example on measured data: 1017 molecules of one ChEMBL series ({@code
 * data/chembl-pic50/chembl2321810-pic50.tsv}, from RDKit's Free-Wilson example as Debian ships it) with their pIC50,
 * each as a 2048-bit ECFP4 fingerprint computed by CDK. The target is a real number (4.27 to 9.22), read with
 * {@link SmilesData#numericLabel}, for a network trained with {@code Loss.MSE}.
 *
 * <p>The data has no test set of its own, so all of it is returned {@link TrainTestData#unsplit unsplit}: the
 * network's {@code @Split(validation = 0.1, test = 0.1)} carves the validation and test sets, once per seed.
 * {@code reference/chembl-pic50-regression} trains the same network with PyTorch on the same fingerprints and
 * splits ({@link ChemblPic50Export}).
 */
public class ChemblPic50Data implements DataSource<String> {

    public static final String FILE = "data/chembl-pic50/chembl2321810-pic50.tsv";

    public ChemblPic50Data() {}

    /** The loader: SMILES column {@code SMILES}, numeric label {@code pIC50}, ECFP4 2048 bits. */
    public static SmilesData loader() {
        return SmilesData.tsv().smiles("SMILES").numericLabel("pIC50");
    }

    @Override
    public TrainTestData load(DataContext context) throws IOException {
        SmilesData loader = loader();
        SmilesLoadResult molecules = loader.load(context.resolve(FILE));
        System.out.println(molecules.summary());
        // The fingerprint goes into the model file, so the trained model predicts from SMILES.
        return TrainTestData.unsplit(molecules.dataset()).withPreprocessing(loader.preprocessing());
    }
}
