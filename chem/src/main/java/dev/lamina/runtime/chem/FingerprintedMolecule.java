package dev.lamina.runtime.chem;

/**
 * One molecule as the loaders keep it: the bits its fingerprint sets, a key that is the same for the same
 * molecule however its SMILES was written (to merge files by molecule), and its Bemis-Murcko scaffold (to keep
 * molecules of one ring system in one set when splitting).
 *
 * @param setBits the indices of the bits set, ascending
 * @param uniqueSmiles CDK's canonical SMILES, without stereochemistry (which the fingerprint does not see)
 * @param scaffold the canonical SMILES of the scaffold, "" when the molecule has no ring
 */
public record FingerprintedMolecule(int[] setBits, String uniqueSmiles, String scaffold) {}
