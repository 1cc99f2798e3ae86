package dev.lamina.runtime.chem;

import org.openscience.cdk.fingerprint.CircularFingerprinter;

/**
 * Which atom environments an extended-connectivity fingerprint covers; the number is the diameter in bonds.
 * ECFP4 (radius 2) corresponds to RDKit's Morgan fingerprint with radius 2, the notebook's featurisation.
 */
public enum EcfpClass {
    /** Each atom and its direct neighbours (radius 1). */
    ECFP2(CircularFingerprinter.CLASS_ECFP2),
    /** Environments up to two bonds from each atom (radius 2). */
    ECFP4(CircularFingerprinter.CLASS_ECFP4),
    /** Environments up to three bonds from each atom (radius 3). */
    ECFP6(CircularFingerprinter.CLASS_ECFP6);

    private final int cdkClass;

    EcfpClass(int cdkClass) {
        this.cdkClass = cdkClass;
    }

    int cdkClass() {
        return cdkClass;
    }
}
