package dev.lamina.runtime.data;

/**
 * How many samples each set gets: {@code ceil(share * n)} for validation and test (in double arithmetic, as
 * sklearn rounds the test size up), the rest for training.
 */
record SplitCounts(int total, int train, int validation, int test) {

    static SplitCounts of(Dataset data, double validation, double test) {
        if (!(validation >= 0 && validation < 1) || !(test >= 0 && test < 1)) {
            throw new IllegalArgumentException(data.source() + ": the validation and test shares must be in [0, 1),"
                    + " got " + validation + " and " + test);
        }
        int n = data.size();
        int validationCount = (int) Math.ceil(validation * n);
        int testCount = (int) Math.ceil(test * n);
        if (validationCount + testCount >= n) {
            throw new IllegalArgumentException(data.source() + ": a validation share of " + validation
                    + " and a test share of " + test + " of " + n + " samples (" + validationCount + " and "
                    + testCount + ") leave none for training; use smaller shares or more data");
        }
        return new SplitCounts(n, n - validationCount - testCount, validationCount, testCount);
    }
}
