/**
 * Molecules as network input: {@link dev.lamina.runtime.chem.CircularFingerprints} turns SMILES into CDK's
 * extended-connectivity fingerprints, and {@link dev.lamina.runtime.chem.SmilesData} loads a file of SMILES
 * with 0/1 labels (such as the Tox21 assays) as a {@link dev.lamina.runtime.data.Dataset}, recording each
 * molecule's Bemis-Murcko scaffold ({@link dev.lamina.runtime.chem.MurckoScaffolds}) for scaffold splits, or
 * merges one such file per task into a multi-task data set.
 */
package dev.lamina.runtime.chem;
