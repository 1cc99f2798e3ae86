package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MinMaxScalerTest {

    /** Three samples of three columns: column 0 ranges 2..6, column 1 is constant 3, column 2 ranges -1..2. */
    private static Dataset train() {
        return Dataset.fromText("train.csv", new float[] {
            2, 3, -1,
            4, 3, 2,
            6, 3, 0}, new long[] {3}, new float[] {0, 1, 0}, new int[] {2, 3, 5});
    }

    @Test
    void fitsPerColumnLikeSklearn() {
        MinMaxScaler scaler = MinMaxScaler.fit(train());

        assertArrayEquals(new double[] {2, 3, -1}, scaler.dataMin());
        assertArrayEquals(new double[] {6, 3, 2}, scaler.dataMax());
        // A constant column gets scale 1, as sklearn's _handle_zeros_in_scale gives it.
        assertArrayEquals(new double[] {0.25, 1, 1.0 / 3}, scaler.scale());
    }

    @Test
    void transformsTrainIntoZeroOneAndTestWithTrainParameters() {
        MinMaxScaler scaler = MinMaxScaler.fit(train());

        Dataset scaled = scaler.transform(train());
        // 1/3 as sklearn computes it: (0 - -1) * (1/3) in double = x * scale + (-min * scale), then float32.
        assertArrayEquals(new float[] {
            0f, 0f, 0f,
            0.5f, 0f, 1f,
            1f, 0f, 0.33333334f}, scaled.features());
        assertEquals("train.csv line 5", scaled.describeRow(2));

        Dataset test = Dataset.of("test", new float[] {8, 5, -4, 0, 3, 0.5f}, new long[] {3}, new float[] {1, 0});
        assertArrayEquals(new float[] {1.5f, 2f, -1f, -0.5f, 0f, 0.5f}, scaler.transform(test).features());
    }

    @Test
    void transformCopiesButTransformInPlaceOverwrites() {
        Dataset data = train();
        MinMaxScaler scaler = MinMaxScaler.fit(data);

        scaler.transform(data);
        assertEquals(4f, data.features()[3]);
        scaler.transformInPlace(data);
        assertEquals(0.5f, data.features()[3]);
    }

    @Test
    void fitAndTransformScalesBothSidesWithTheTrainingRange() {
        Dataset test = Dataset.of("test", new float[] {10, 3, 2}, new long[] {3}, new float[] {1});
        TrainTestData scaled = MinMaxScaler.fitAndTransform(new TrainTestData(train(), test));

        assertArrayEquals(new float[] {2f, 0f, 1f}, scaled.test().features());
        assertEquals(1f, scaled.train().features()[6]);
    }

    @Test
    void rejectsEmptyTrainingSetAndOtherWidths() {
        Dataset empty = Dataset.of("empty.csv", new float[0], new long[] {3}, new float[0]);
        assertEquals("empty.csv: cannot fit a scaler on an empty data set",
                assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(empty)).getMessage());

        Dataset wide = Dataset.of("wide.csv", new float[4], new long[] {4}, new float[1]);
        assertEquals("wide.csv: samples have 4 values, but the scaler was fitted on samples of 3",
                assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(train()).transform(wide))
                        .getMessage());
    }
}
