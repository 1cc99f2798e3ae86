package dev.lamina.runtime.score;

/**
 * Comma-separated feature rows: {@code features} numbers, or an id and then {@code features} numbers. A first
 * line whose first field is not a number is a header.
 */
final class FeatureRows implements RowFormat<float[]> {

    private final int features;

    FeatureRows(int features) {
        this.features = features;
    }

    @Override
    public boolean isHeader(String firstLine) {
        // A header names every column: no cell of it is a number.
        for (String cell : firstLine.split(",", -1)) {
            if (isNumber(cell)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public InputRow<float[]> parse(long line, String text) {
        String[] cells = text.split(",", -1);
        // An id is the extra first column, or any first column that is not a number.
        boolean withId = cells.length == features + 1 || !isNumber(cells[0]);
        String id = withId ? cells[0].strip() : Long.toString(line);
        if (cells.length != (withId ? features + 1 : features)) {
            return InputRow.invalid(line, id, "the line has " + cells.length + " values; the model takes " + features
                    + " (or an id and " + features + ")");
        }
        float[] raw = new float[features];
        int offset = withId ? 1 : 0;
        for (int i = 0; i < features; i++) {
            String cell = cells[i + offset].strip();
            try {
                raw[i] = Float.parseFloat(cell);
            } catch (NumberFormatException e) {
                return InputRow.invalid(line, id, "value " + (i + 1) + " is '" + abbreviate(cell) + "', not a number");
            }
        }
        return InputRow.valid(line, id, raw);
    }

    private static boolean isNumber(String cell) {
        try {
            Float.parseFloat(cell.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviate(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "...";
    }
}
