package dev.lamina.examples;

import dev.lamina.runtime.chem.SmilesData;
import dev.lamina.runtime.chem.SmilesLoadResult;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;
import dev.lamina.runtime.data.TrainTestSplit;

import java.io.IOException;

/**
 * The notebook's Tox21 SR-MMP molecules ({@code data/tox21/sr-mmp.tab}: 2246 SMILES, half of them active),
 * each as a 2048-bit ECFP4 fingerprint computed by CDK, split 80/20 into training and test sets with seed
 * 1234 ({@link TrainTestSplit}: 1796 and 450 molecules). Rows whose SMILES CDK cannot read are skipped and
 * counted on standard output; with this file there are none.
 */
public class Tox21SrMmpData implements DataSource<String> {

    public static final String FILE = "data/tox21/sr-mmp.tab";
    public static final double TEST_FRACTION = 0.2;
    public static final long SPLIT_SEED = 1234;

    public Tox21SrMmpData() {}

    @Override
    public TrainTestData load(DataContext context) throws IOException {
        SmilesData loader = SmilesData.tsv().smiles("SMILES").label("activity");
        SmilesLoadResult molecules = loader.load(context.resolve(FILE));
        System.out.println(molecules.summary());
        // The fingerprint goes into the model file, so the trained model predicts from SMILES.
        return TrainTestSplit.split(molecules.dataset(), TEST_FRACTION, SPLIT_SEED)
                .withPreprocessing(loader.preprocessing());
    }
}
