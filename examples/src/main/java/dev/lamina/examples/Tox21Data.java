package dev.lamina.examples;

import dev.lamina.dsl.Tasks;
import dev.lamina.runtime.chem.MultiTaskLoadResult;
import dev.lamina.runtime.chem.SmilesData;
import dev.lamina.runtime.chem.TaskFile;
import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The 12 Tox21 assays as one multi-task data set: the vendored {@code data/tox21/*.tab} files (one per assay)
 * merged by molecule, each molecule a 2048-bit ECFP4 fingerprint computed by CDK, with a 0/1 label per assay
 * and NaN where the molecule was not in that assay's file. Each file is a balanced 1:1 subsample of its assay,
 * so most entries are missing (5,693 molecules, 81.9% of their labels missing, where the original Tox21 misses
 * about 17%); the loss and metrics skip
 * them. The data comes unsplit: the network's {@code @Split} carves validation and test sets out of it (by
 * scaffold, from the Bemis-Murcko scaffolds the loader records).
 */
@Tasks({"NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER", "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE",
        "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53"})
public class Tox21Data implements DataSource<String> {

    public static final String DIRECTORY = "data/tox21/";

    /** The task names, in the order of {@link Tasks} above (MoleculeNet's order), and each one's file. */
    public static final List<String> TASKS = List.of("NR-AR", "NR-AR-LBD", "NR-AhR", "NR-Aromatase", "NR-ER",
            "NR-ER-LBD", "NR-PPAR-gamma", "SR-ARE", "SR-ATAD5", "SR-HSE", "SR-MMP", "SR-p53");

    public static final List<String> FILES = List.of("nr-ar.tab", "nr-ar-lbd.tab", "nr-ahr.tab",
            "nr-aromatase.tab", "nr-er.tab", "nr-er-lbd.tab", "nr-ppar-gamma.tab", "sr-are.tab", "sr-atad5.tab",
            "sr-hse.tab", "sr-mmp.tab", "sr-p53.tab");

    public Tox21Data() {}

    /** ECFP4, 2048 bits, invalid SMILES skipped (none in these files). */
    public static SmilesData loader() {
        return SmilesData.tsv().smiles("SMILES").label("activity");
    }

    /** The merged molecules, with what each file contributed. */
    public static MultiTaskLoadResult loadMolecules(DataContext context) throws IOException {
        List<TaskFile> files = new ArrayList<>();
        for (int t = 0; t < TASKS.size(); t++) {
            files.add(new TaskFile(TASKS.get(t), context.resolve(DIRECTORY + FILES.get(t))));
        }
        return loader().loadTasks(files);
    }

    @Override
    public TrainTestData load(DataContext context) throws IOException {
        MultiTaskLoadResult molecules = loadMolecules(context);
        System.out.println(molecules.summary());
        // The fingerprint goes into the model file, so the trained model predicts from SMILES.
        return TrainTestData.unsplit(molecules.dataset()).withPreprocessing(loader().preprocessing());
    }
}
