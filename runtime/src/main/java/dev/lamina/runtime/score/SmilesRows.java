package dev.lamina.runtime.score;

/**
 * SMILES files. Without a header, one molecule a line: the SMILES, optionally followed by an id, separated by
 * a tab, a comma or spaces (the {@code .smi} convention). With a header (a first line with a column named
 * {@code smiles}, any case), fields are separated by tabs or commas, the SMILES comes from that column and the
 * id from the first other column, as in a Tox21 table ({@code Compound, SMILES, activity}).
 */
final class SmilesRows implements RowFormat<String> {

    private int smilesColumn = 0;
    private int idColumn = 1;
    private String separators = "[\t,]|\\s+";

    @Override
    public boolean isHeader(String firstLine) {
        String[] names = firstLine.stripTrailing().split("[\t,]", -1);
        for (int column = 0; column < names.length; column++) {
            if (names[column].strip().equalsIgnoreCase("smiles")) {
                smilesColumn = column;
                idColumn = column == 0 ? 1 : 0;
                separators = "[\t,]";
                return true;
            }
        }
        return false;
    }

    @Override
    public InputRow<String> parse(long line, String text) {
        // Trailing space only: a line that starts with a separator has an empty SMILES, not an id as SMILES.
        String[] fields = text.stripTrailing().split(separators, -1);
        String id = idColumn < fields.length && !fields[idColumn].isBlank() ? fields[idColumn].strip() : Long.toString(line);
        String smiles = smilesColumn < fields.length ? fields[smilesColumn].strip() : "";
        if (smiles.isEmpty()) {
            return InputRow.invalid(line, id, "the line has no SMILES");
        }
        return InputRow.valid(line, id, smiles);
    }
}
