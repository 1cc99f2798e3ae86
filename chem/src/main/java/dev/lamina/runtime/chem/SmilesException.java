package dev.lamina.runtime.chem;

/** A SMILES string that cannot be turned into a fingerprint, with CDK's reason. */
public class SmilesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String smiles;

    public SmilesException(String smiles, String reason, Throwable cause) {
        super("'" + shown(smiles) + "': " + reason, cause);
        this.smiles = smiles;
    }

    /** The SMILES as a message shows it: a 5,000-character chain is cut, not repeated in every report. */
    static String shown(String smiles) {
        return smiles != null && smiles.length() > 80 ? smiles.substring(0, 77) + "..." : String.valueOf(smiles);
    }

    public String smiles() {
        return smiles;
    }
}
