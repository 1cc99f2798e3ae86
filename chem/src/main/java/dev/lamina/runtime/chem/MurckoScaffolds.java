package dev.lamina.runtime.chem;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * The Bemis-Murcko scaffold of a molecule: its ring systems, the linker atoms that connect them, and the atoms
 * doubly bonded to either (the carbonyl oxygen of a lactam stays). Side chains go. This is the scaffold RDKit's
 * {@code MurckoScaffold} computes, which chemprop, DeepChem and OGB split molecules by, so that a scaffold split
 * here means what it means there. CDK's own {@code MurckoFragmenter} drops the doubly bonded atoms too and is a
 * module Lamina does not otherwise need.
 *
 * <p>Linear time: atoms with one neighbour are peeled off until none is left (what remains are the rings and
 * the paths between them), then the doubly bonded neighbours of what remains are put back. Each kept atom gets
 * a hydrogen for every bond order it lost, so the scaffold is a valid molecule ({@code c1cc[nH]c1} for an
 * N-substituted pyrrole).
 */
final class MurckoScaffolds {

    private MurckoScaffolds() {}

    /** The scaffold as a new molecule (the input is left alone); empty for a molecule without rings. */
    static IAtomContainer of(IAtomContainer molecule) {
        boolean[] kept = ringsAndLinkers(molecule);
        boolean[] core = kept.clone();
        for (IBond bond : molecule.bonds()) {
            int begin = molecule.indexOf(bond.getBegin());
            int end = molecule.indexOf(bond.getEnd());
            if (bond.getOrder() == IBond.Order.DOUBLE && core[begin] != core[end]) {
                kept[core[begin] ? end : begin] = true;
            }
        }
        return copy(molecule, kept);
    }

    /** What is left after repeatedly removing atoms with at most one neighbour. */
    private static boolean[] ringsAndLinkers(IAtomContainer molecule) {
        int atoms = molecule.getAtomCount();
        int[] degree = new int[atoms];
        for (IBond bond : molecule.bonds()) {
            degree[molecule.indexOf(bond.getBegin())]++;
            degree[molecule.indexOf(bond.getEnd())]++;
        }
        boolean[] kept = new boolean[atoms];
        int[] queue = new int[atoms];
        int tail = 0;
        for (int i = 0; i < atoms; i++) {
            kept[i] = degree[i] > 1;
            if (!kept[i]) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (IBond bond : molecule.getConnectedBondsList(molecule.getAtom(queue[head]))) {
                int neighbour = molecule.indexOf(bond.getOther(molecule.getAtom(queue[head])));
                if (kept[neighbour] && --degree[neighbour] <= 1) {
                    kept[neighbour] = false;
                    queue[tail++] = neighbour;
                }
            }
        }
        return kept;
    }

    private static IAtomContainer copy(IAtomContainer molecule, boolean[] kept) {
        int atoms = molecule.getAtomCount();
        int[] lostHydrogens = new int[atoms];
        for (IBond bond : molecule.bonds()) {
            int begin = molecule.indexOf(bond.getBegin());
            int end = molecule.indexOf(bond.getEnd());
            if (kept[begin] != kept[end]) {
                lostHydrogens[kept[begin] ? begin : end] += order(bond);
            }
        }
        IAtomContainer scaffold = molecule.getBuilder().newAtomContainer();
        IAtom[] copies = new IAtom[atoms];
        for (int i = 0; i < atoms; i++) {
            if (kept[i]) {
                IAtom atom = molecule.getAtom(i);
                IAtom copy = molecule.getBuilder().newAtom();
                copy.setAtomicNumber(atom.getAtomicNumber());
                copy.setSymbol(atom.getSymbol());
                copy.setFormalCharge(atom.getFormalCharge());
                copy.setMassNumber(atom.getMassNumber());
                Integer hydrogens = atom.getImplicitHydrogenCount();
                copy.setImplicitHydrogenCount((hydrogens == null ? 0 : hydrogens) + lostHydrogens[i]);
                scaffold.addAtom(copy);
                copies[i] = scaffold.getAtom(scaffold.getAtomCount() - 1);
            }
        }
        for (IBond bond : molecule.bonds()) {
            int begin = molecule.indexOf(bond.getBegin());
            int end = molecule.indexOf(bond.getEnd());
            if (kept[begin] && kept[end]) {
                scaffold.addBond(scaffold.indexOf(copies[begin]), scaffold.indexOf(copies[end]), bond.getOrder());
            }
        }
        return scaffold;
    }

    /** Hydrogens a bond stands for; the parser gives every bond a Kekulé order. */
    private static int order(IBond bond) {
        IBond.Order order = bond.getOrder();
        return order == null || order == IBond.Order.UNSET ? 1 : order.numeric();
    }
}
