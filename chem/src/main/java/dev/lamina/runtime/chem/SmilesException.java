package dev.lamina.runtime.chem;

/** A SMILES string that cannot be turned into a fingerprint, with CDK's reason. */
public class SmilesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String smiles;

    public SmilesException(String smiles, String reason, Throwable cause) {
        super("'" + smiles + "': " + reason, cause);
        this.smiles = smiles;
    }

    public String smiles() {
        return smiles;
    }
}
