package dev.lamina.dsl;

/** How {@link Split} assigns samples to the training, validation and test sets. */
public enum SplitMethod {
    /** Uniformly at random, from the seed: sklearn's {@code train_test_split(shuffle=True)}. */
    RANDOM,

    /**
     * At random, but every set keeps the class proportions of the whole (for one class label or one yes/no
     * task): sklearn's {@code train_test_split(stratify=y)}.
     */
    STRATIFIED,

    /**
     * By Bemis-Murcko scaffold: molecules that share a ring system and linkers stay in one set, so the test set
     * holds chemistry the network has not seen (the split MoleculeNet, chemprop and OGB use for molecules). The
     * data must come from SMILES (the chemistry module records each molecule's scaffold). Large scaffold groups
     * go to training first; the seed orders the rest (chemprop's balanced scaffold split).
     */
    SCAFFOLD
}
