package dev.lamina.runtime.chem;

import dev.lamina.runtime.data.DataFormatException;

import java.nio.file.Path;
import java.util.List;

/** Set bits to the 0/1 floats a network reads, row after row: molecules are kept as a few dozen ints until here. */
final class MoleculeFeatures {

    private MoleculeFeatures() {}

    static float[] of(Path source, List<FingerprintedMolecule> molecules, int length) throws DataFormatException {
        if ((long) molecules.size() * length > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(source, molecules.size() + " molecules of " + length
                    + " bits are more values than one Java array holds; use fewer molecules or a shorter"
                    + " fingerprint");
        }
        float[] features = new float[molecules.size() * length];
        for (int i = 0; i < molecules.size(); i++) {
            for (int bit : molecules.get(i).setBits()) {
                features[i * length + bit] = 1f;
            }
        }
        return features;
    }
}
