package dev.lamina.runtime.chem;

/** A row {@link SmilesData} left out: where it was and why. */
public record SkippedSmiles(String file, int line, String smiles, String reason) {

    @Override
    public String toString() {
        return file + " line " + line + ": " + reason;
    }
}
