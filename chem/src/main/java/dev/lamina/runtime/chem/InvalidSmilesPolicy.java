package dev.lamina.runtime.chem;

/** What {@link SmilesData} does with a SMILES string CDK cannot use. */
public enum InvalidSmilesPolicy {
    /** Leave the row out, count it and keep a few examples for the report: public data sets have a few. */
    SKIP,
    /** Stop with an error naming the file, the line and the SMILES. */
    FAIL
}
