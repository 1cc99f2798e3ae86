/**
 * Molecules as network input: {@link dev.lamina.runtime.chem.CircularFingerprints} turns SMILES into CDK's
 * extended-connectivity fingerprints, and {@link dev.lamina.runtime.chem.SmilesData} loads a file of SMILES
 * with 0/1 labels (such as the Tox21 assays) as a {@link dev.lamina.runtime.data.Dataset}.
 */
package dev.lamina.runtime.chem;
